import { portalRoute } from "@/lib/http/portal-route";
import { explainRequest } from "@/lib/support/audit-log";

export const GET = portalRoute<{ requestId: string }>(["support"], async ({ params }) => {
  return { body: { events: await explainRequest(params.requestId.trim()) } };
});
