import { generateTokens } from "@/lib/api-keys/manage";
import { merchantIdOf } from "@/lib/auth/merchant";
import { portalRoute } from "@/lib/http/portal-route";
import { routeMethods } from "@/lib/http/route-methods";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  POST: portalRoute<{ id: string }>(["merchant"], async ({ user, audit, params }) => {
    const result = await generateTokens({ merchantId: merchantIdOf(user), audit }, params.id);

    return { status: 201, body: result };
  }),
});
