import { isAddressAllowed } from "../ip-allowlist";
import { digestsMatch, hashSecret } from "../secrets";
import { deny, type Denial } from "./denial";

export type CredentialSetRow = {
  id: string;
  clientSecretHash: string;
  revokedAt: Date | null;
  apiKey: {
    id: string;
    merchantId: string;
    keyHash: string;
    ipAllowlist: string;
    enhancedSecurity: boolean;
    revokedAt: Date | null;
  };
};

export const credentialSetSelect = {
  id: true,
  clientSecretHash: true,
  revokedAt: true,
  apiKey: {
    select: {
      id: true,
      merchantId: true,
      keyHash: true,
      ipAllowlist: true,
      enhancedSecurity: true,
      revokedAt: true,
    },
  },
} as const;

export type ClientCheckInput = {
  apiKey: string;
  clientSecret: string;
  clientAddress: string | null;
};

/**
 * Checks that the API key, the client secret and the caller's address all fit the credential
 * set found by client id. Wrong key, wrong secret, unknown client and anything revoked all give
 * the same public answer, so a caller cannot tell which part was wrong.
 */
export function checkClient(set: CredentialSetRow | null, input: ClientCheckInput): Denial | null {
  if (!set) {
    return deny("invalid_client", "unknown client id");
  }

  const ids = { merchantId: set.apiKey.merchantId, apiKeyId: set.apiKey.id, tokenSetId: set.id };
  const isKeyRight = digestsMatch(set.apiKey.keyHash, hashSecret(input.apiKey));
  const isSecretRight = digestsMatch(set.clientSecretHash, hashSecret(input.clientSecret));

  if (!isKeyRight) {
    return deny("invalid_client", "api key does not match the client", ids);
  }

  if (!isSecretRight) {
    return deny("invalid_client", "wrong client secret", ids);
  }

  if (set.apiKey.revokedAt) {
    return deny("invalid_client", "api key revoked", ids);
  }

  if (set.revokedAt) {
    return deny("invalid_client", "token set revoked or replaced", ids);
  }

  if (!isAddressAllowed(input.clientAddress, JSON.parse(set.apiKey.ipAllowlist) as string[])) {
    return deny("ip_not_allowed", `address ${input.clientAddress ?? "unknown"} not allowed`, ids);
  }

  return null;
}
