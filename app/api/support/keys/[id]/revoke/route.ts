import { portalRoute } from "@/lib/http/portal-route";
import { revokeReasonSchema, supportRevokeKey } from "@/lib/support/revoke";

export const POST = portalRoute<{ id: string }>(
  ["support"],
  async ({ params, audit, readBody }) => {
    const { reason } = await readBody(revokeReasonSchema);

    return { body: await supportRevokeKey(params.id, reason, audit) };
  },
);
