import { portalRoute } from "@/lib/http/portal-route";
import { auditPageSchema, findAuditPage } from "@/lib/support/audit-log";

export const dynamic = "force-dynamic";

export const GET = portalRoute(["support"], async ({ readQuery }) => {
  const { cursor, limit, ...filter } = readQuery(auditPageSchema);

  return { body: await findAuditPage(filter, { cursor, limit }) };
});
