import { resolveClientAddress } from "../client-address";
import { trustedProxies } from "../env";
import { peerFromHeaders } from "./peer";

export type HeaderReader = (name: string) => string | null;

/** The caller's address for a request handled inside Next: the proven peer, then trusted hops. */
export function requestClientAddress(header: HeaderReader): string | null {
  return resolveClientAddress({
    peerAddress: peerFromHeaders(header),
    forwardedFor: header("x-forwarded-for"),
    trustedProxies: trustedProxies(),
  });
}

/** next-auth hands its callbacks a plain header object rather than a Headers instance. */
export function headerReader(headers: Record<string, unknown> | undefined): HeaderReader {
  return (name) => {
    const value = headers?.[name];

    if (Array.isArray(value)) {
      return value.join(", ");
    }

    return typeof value === "string" ? value : null;
  };
}
