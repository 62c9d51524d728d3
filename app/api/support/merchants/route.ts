import { portalRoute } from "@/lib/http/portal-route";
import { routeMethods } from "@/lib/http/route-methods";
import { listMerchants, merchantSearchSchema } from "@/lib/support/merchants";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: portalRoute(["support"], async ({ readQuery }) => {
    const { q } = readQuery(merchantSearchSchema);

    return { body: await listMerchants(q) };
  }),
});
