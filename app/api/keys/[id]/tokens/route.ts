import { generateTokens } from "@/lib/api-keys/manage";
import { merchantIdOf } from "@/lib/auth/merchant";
import { portalRoute } from "@/lib/http/portal-route";

export const POST = portalRoute<{ id: string }>(["merchant"], async ({ user, audit, params }) => {
  const result = await generateTokens({ merchantId: merchantIdOf(user), audit }, params.id);

  return { status: 201, body: result };
});
