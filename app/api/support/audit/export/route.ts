import { portalRoute } from "@/lib/http/portal-route";
import { routeMethods } from "@/lib/http/route-methods";
import { auditCsvStream } from "@/lib/support/audit-csv";
import { auditFilterSchema } from "@/lib/support/audit-log";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: portalRoute(["support"], async ({ readQuery, audit }) => {
    const filter = readQuery(auditFilterSchema);
    const stamp = new Date().toISOString().replace(/[:.]/g, "-");

    return new Response(await auditCsvStream(filter, audit.requestId), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="keyward-audit-${stamp}.csv"`,
        "cache-control": "no-store",
      },
    });
  }),
});
