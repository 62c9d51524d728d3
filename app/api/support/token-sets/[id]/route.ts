import { portalRoute } from "@/lib/http/portal-route";
import { getTokenSetAudit } from "@/lib/support/token-sets";

export const GET = portalRoute<{ id: string }>(["support"], async ({ params }) => {
  return { body: await getTokenSetAudit(params.id) };
});
