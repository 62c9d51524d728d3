import { timeOrderedId } from "../ids";
import { handlePublicApi } from "../public-api";
import { readLimitedText } from "./json-body";
import { peerFromHeaders } from "./peer";

/** The public API as a Next route handler, for `next dev` and hosts other than Keyward's server. */
export async function servePublicApi(request: Request): Promise<Response> {
  const requestId = timeOrderedId();
  const header = (name: string) => request.headers.get(name);
  const result = await handlePublicApi({
    method: request.method,
    path: new URL(request.url).pathname,
    header,
    body: await readLimitedText(request),
    peerAddress: peerFromHeaders(header),
    requestId,
  });

  const init = {
    status: result.status,
    headers: { ...result.headers, "cache-control": "no-store", "x-request-id": requestId },
  };

  return result.status === 204 ? new Response(null, init) : Response.json(result.body, init);
}
