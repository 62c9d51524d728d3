import { getKeyActivity } from "@/lib/api-keys/activity";
import { merchantIdOf } from "@/lib/auth/merchant";
import { portalRoute } from "@/lib/http/portal-route";
import { routeMethods } from "@/lib/http/route-methods";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: portalRoute<{ id: string }>(["merchant"], async ({ user, params }) => {
    return { body: await getKeyActivity(merchantIdOf(user), params.id) };
  }),
});
