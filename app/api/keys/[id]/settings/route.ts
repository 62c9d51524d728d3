import { saveKeySettings } from "@/lib/api-keys/manage";
import { keySettingsSchema } from "@/lib/api-keys/schemas";
import { merchantIdOf } from "@/lib/auth/merchant";
import { portalRoute } from "@/lib/http/portal-route";
import { routeMethods } from "@/lib/http/route-methods";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  PUT: portalRoute<{ id: string }>(["merchant"], async ({ user, audit, params, readBody }) => {
    const input = await readBody(keySettingsSchema);
    const key = await saveKeySettings({ merchantId: merchantIdOf(user), audit }, params.id, input);

    return { body: { key } };
  }),
});
