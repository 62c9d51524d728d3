import { portalRoute } from "@/lib/http/portal-route";
import { routeMethods } from "@/lib/http/route-methods";
import { getTokenSetAudit } from "@/lib/support/token-sets";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: portalRoute<{ id: string }>(["support"], async ({ params }) => {
    return { body: await getTokenSetAudit(params.id) };
  }),
});
