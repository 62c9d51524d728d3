import { setEnhancedSecurity } from "@/lib/api-keys/manage";
import { enhancedSecuritySchema } from "@/lib/api-keys/schemas";
import { merchantIdOf } from "@/lib/auth/merchant";
import { portalRoute } from "@/lib/http/portal-route";

export const PUT = portalRoute<{ id: string }>(
  ["merchant"],
  async ({ user, audit, params, readBody }) => {
    const { enabled } = await readBody(enhancedSecuritySchema);
    const key = await setEnhancedSecurity(
      { merchantId: merchantIdOf(user), audit },
      params.id,
      enabled,
    );

    return { body: { key } };
  },
);
