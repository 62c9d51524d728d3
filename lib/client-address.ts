import { isAddressAllowed, parseClientAddress } from "./ip-allowlist";

export type ClientAddressInput = {
  /** The TCP peer's address as the socket reports it. */
  peerAddress: string | null;
  /** The raw X-Forwarded-For header, if any. */
  forwardedFor: string | null;
  /** Addresses or CIDR ranges of proxies the operator declared trusted. */
  trustedProxies: string[];
};

/**
 * The caller is the TCP peer. X-Forwarded-For is written by whoever sends the request, so a
 * client can put any address in it: it is read only when the peer is a proxy the operator
 * declared trusted, and then from the right, skipping further trusted proxies, because only the
 * entries appended by trusted hops are true. Anything unparsable makes the caller unknown, which
 * an IP restriction refuses.
 */
export function resolveClientAddress(input: ClientAddressInput): string | null {
  const peer = input.peerAddress ? parseClientAddress(input.peerAddress) : null;

  if (!peer) {
    return null;
  }

  const isTrusted = (address: string) =>
    input.trustedProxies.length > 0 && isAddressAllowed(address, input.trustedProxies);

  if (!isTrusted(peer.toString()) || !input.forwardedFor) {
    return peer.toString();
  }

  const hops = input.forwardedFor.split(",").map((hop) => hop.trim());

  for (let index = hops.length - 1; index >= 0; index -= 1) {
    const hop = parseClientAddress(hops[index] ?? "");

    if (!hop) {
      return null;
    }

    if (index === 0 || !isTrusted(hop.toString())) {
      return hop.toString();
    }
  }

  return null;
}
