import { timeOrderedId } from "../ids";
import { handlePublicApi } from "../public-api";
import { MAX_BODY_BYTES } from "./json-body";
import { peerFromHeaders } from "./peer";

async function readLimitedText(request: Request): Promise<string> {
  if (!request.body) {
    return "";
  }

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;

  while (size <= MAX_BODY_BYTES) {
    const { done, value } = await reader.read();

    if (done) {
      break;
    }

    chunks.push(value);
    size += value.byteLength;
  }

  await reader.cancel().catch(() => undefined);

  return Buffer.concat(chunks)
    .subarray(0, MAX_BODY_BYTES + 1)
    .toString("utf8");
}

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

  return Response.json(result.body, {
    status: result.status,
    headers: { ...result.headers, "cache-control": "no-store", "x-request-id": requestId },
  });
}
