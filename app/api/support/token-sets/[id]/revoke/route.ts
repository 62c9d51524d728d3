import { portalRoute } from "@/lib/http/portal-route";
import { routeMethods } from "@/lib/http/route-methods";
import { revokeReasonSchema, supportRevokeTokenSet } from "@/lib/support/revoke";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  POST: portalRoute<{ id: string }>(["support"], async ({ params, audit, readBody }) => {
    const { reason } = await readBody(revokeReasonSchema);

    return { body: await supportRevokeTokenSet(params.id, reason, audit) };
  }),
});
