import { createKey, listKeys } from "@/lib/api-keys/manage";
import { createKeySchema } from "@/lib/api-keys/schemas";
import { merchantIdOf } from "@/lib/auth/merchant";
import { portalRoute } from "@/lib/http/portal-route";
import { routeMethods } from "@/lib/http/route-methods";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: portalRoute(["merchant"], async ({ user }) => {
    const keys = await listKeys(merchantIdOf(user));

    return { body: { keys } };
  }),

  POST: portalRoute(["merchant"], async ({ user, audit, readBody }) => {
    const input = await readBody(createKeySchema);
    const { key, apiKey } = await createKey({ merchantId: merchantIdOf(user), audit }, input);

    return { status: 201, body: { key, api_key: apiKey } };
  }),
});
