import { portalRoute } from "@/lib/http/portal-route";
import { routeMethods } from "@/lib/http/route-methods";
import { getMerchantDetail } from "@/lib/support/merchants";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: portalRoute<{ id: string }>(["support"], async ({ params }) => {
    return { body: await getMerchantDetail(params.id) };
  }),
});
