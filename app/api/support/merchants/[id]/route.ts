import { portalRoute } from "@/lib/http/portal-route";
import { getMerchantDetail } from "@/lib/support/merchants";

export const GET = portalRoute<{ id: string }>(["support"], async ({ params }) => {
  return { body: await getMerchantDetail(params.id) };
});
