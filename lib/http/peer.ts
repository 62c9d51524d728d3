import { timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";

export const PEER_ADDRESS_HEADER = "x-keyward-peer-address";
export const PEER_PROOF_HEADER = "x-keyward-peer-proof";

/**
 * Route handlers never see the socket, so Keyward's server passes the TCP peer's address down in
 * a header. Any client could send that header too: the server deletes incoming copies, and the
 * header counts only beside a proof that is a random value of this process, set at start.
 */
export function stampPeer(headers: IncomingHttpHeaders, address: string | undefined): void {
  delete headers[PEER_ADDRESS_HEADER];
  delete headers[PEER_PROOF_HEADER];

  const proof = process.env.KEYWARD_PEER_PROOF;

  if (address && proof) {
    headers[PEER_ADDRESS_HEADER] = address;
    headers[PEER_PROOF_HEADER] = proof;
  }
}

export function peerFromHeaders(header: (name: string) => string | null): string | null {
  const proof = process.env.KEYWARD_PEER_PROOF;
  const sent = header(PEER_PROOF_HEADER);

  if (!proof || !sent) {
    return null;
  }

  const expected = Buffer.from(proof);
  const actual = Buffer.from(sent);

  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
    return null;
  }

  return header(PEER_ADDRESS_HEADER);
}
