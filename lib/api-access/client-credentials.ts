import { isAddressAllowed } from "../ip-allowlist";
import { digestsMatch, hashSecret } from "../secrets";
import { deny, type Denial, type DenialIds } from "./denial";
import type { CallerRow } from "./store";

export type ClientCheckInput = {
  apiKey: string;
  clientSecret: string;
  clientAddress: string | null;
};

export function callerIds(caller: CallerRow): Required<DenialIds> {
  return {
    merchantId: caller.merchantId,
    apiKeyId: caller.apiKeyId,
    tokenSetId: caller.tokenSetId,
  };
}

/**
 * Checks that the API key, the client secret and the caller's address all fit the credential
 * set found by client id. Wrong key, wrong secret, unknown client and anything revoked all give
 * the same public answer, so a caller cannot tell which part was wrong.
 */
export function checkClient(caller: CallerRow | null, input: ClientCheckInput): Denial | null {
  if (!caller) {
    return deny("invalid_client", "unknown client id");
  }

  const ids = callerIds(caller);
  const isKeyRight = digestsMatch(caller.keyHash, hashSecret(input.apiKey));
  const isSecretRight = digestsMatch(caller.clientSecretHash, hashSecret(input.clientSecret));

  // The row names the client that was targeted, not its key: that key was never presented, so
  // the call must not show up as the key's own activity.
  if (!isKeyRight) {
    return deny("invalid_client", "api key does not match the client", {
      merchantId: ids.merchantId,
      tokenSetId: ids.tokenSetId,
    });
  }

  if (!isSecretRight) {
    return deny("invalid_client", "wrong client secret", ids);
  }

  if (caller.keyRevokedAt) {
    return deny("invalid_client", "api key revoked", ids);
  }

  if (caller.tokenSetRevokedAt) {
    return deny("invalid_client", "token set revoked or replaced", ids);
  }

  if (!isAddressAllowed(input.clientAddress, JSON.parse(caller.ipAllowlist) as string[])) {
    return deny("ip_not_allowed", `address ${input.clientAddress ?? "unknown"} not allowed`, ids);
  }

  return null;
}
