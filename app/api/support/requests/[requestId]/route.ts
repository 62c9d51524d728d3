import { portalRoute } from "@/lib/http/portal-route";
import { routeMethods } from "@/lib/http/route-methods";
import { explainRequest } from "@/lib/support/audit-log";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: portalRoute<{ requestId: string }>(["support"], async ({ params }) => {
    return { body: { events: await explainRequest(params.requestId.trim()) } };
  }),
});
