import { revokeKey } from "@/lib/api-keys/manage";
import { merchantIdOf } from "@/lib/auth/merchant";
import { portalRoute } from "@/lib/http/portal-route";

export const POST = portalRoute<{ id: string }>(["merchant"], async ({ user, audit, params }) => {
  const key = await revokeKey({ merchantId: merchantIdOf(user), audit }, params.id);

  return { body: { key } };
});
