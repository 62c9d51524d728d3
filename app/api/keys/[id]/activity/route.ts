import { getKeyActivity } from "@/lib/api-keys/activity";
import { merchantIdOf } from "@/lib/auth/merchant";
import { portalRoute } from "@/lib/http/portal-route";

export const GET = portalRoute<{ id: string }>(["merchant"], async ({ user, params }) => {
  return { body: await getKeyActivity(merchantIdOf(user), params.id) };
});
