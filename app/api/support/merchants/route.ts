import { portalRoute } from "@/lib/http/portal-route";
import { listMerchants, merchantSearchSchema } from "@/lib/support/merchants";

export const dynamic = "force-dynamic";

export const GET = portalRoute(["support"], async ({ readQuery }) => {
  const { q } = readQuery(merchantSearchSchema);

  return { body: { merchants: await listMerchants(q) } };
});
