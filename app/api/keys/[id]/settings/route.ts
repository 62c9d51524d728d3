import { saveKeySettings } from "@/lib/api-keys/manage";
import { keySettingsSchema } from "@/lib/api-keys/schemas";
import { merchantIdOf } from "@/lib/auth/merchant";
import { portalRoute } from "@/lib/http/portal-route";

export const PUT = portalRoute<{ id: string }>(
  ["merchant"],
  async ({ user, audit, params, readBody }) => {
    const input = await readBody(keySettingsSchema);
    const key = await saveKeySettings({ merchantId: merchantIdOf(user), audit }, params.id, input);

    return { body: { key } };
  },
);
