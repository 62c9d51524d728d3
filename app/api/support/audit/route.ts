import { portalRoute } from "@/lib/http/portal-route";
import { routeMethods } from "@/lib/http/route-methods";
import { auditPageSchema, findAuditPage } from "@/lib/support/audit-log";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: portalRoute(["support"], async ({ readQuery }) => {
    const { cursor, limit, ...filter } = readQuery(auditPageSchema);

    return { body: await findAuditPage(filter, { cursor, limit }) };
  }),
});
