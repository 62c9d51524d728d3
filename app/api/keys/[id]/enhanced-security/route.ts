import { setEnhancedSecurity } from "@/lib/api-keys/manage";
import { enhancedSecuritySchema } from "@/lib/api-keys/schemas";
import { merchantIdOf } from "@/lib/auth/merchant";
import { portalRoute } from "@/lib/http/portal-route";
import { routeMethods } from "@/lib/http/route-methods";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  PUT: portalRoute<{ id: string }>(["merchant"], async ({ user, audit, params, readBody }) => {
    const { enabled } = await readBody(enhancedSecuritySchema);
    const key = await setEnhancedSecurity(
      { merchantId: merchantIdOf(user), audit },
      params.id,
      enabled,
    );

    return { body: { key } };
  }),
});
