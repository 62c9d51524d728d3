import { env } from "./env";
import { generateToken, hashSecret } from "./secrets";

export const ACCESS_TOKEN_TTL_SECONDS = 3600;

/** A used refresh token seen again within this window is a client retry, not a theft. */
export const REFRESH_RETRY_GRACE_SECONDS = 30;

export type IssuedGrant = {
  accessToken: string;
  refreshToken: string;
  accessExpiresAt: Date;
  refreshExpiresAt: Date;
};

/** What the database keeps of a grant: hashes and times, never the tokens. */
export type GrantRow = {
  tokenSetId: string;
  accessTokenHash: string;
  refreshTokenHash: string;
  accessExpiresAt: Date;
  refreshExpiresAt: Date;
  createdAt: Date;
};

export function accessTokenExpiry(issuedAt: Date): Date {
  return new Date(issuedAt.getTime() + ACCESS_TOKEN_TTL_SECONDS * 1000);
}

export function refreshTokenExpiry(issuedAt: Date): Date {
  return new Date(issuedAt.getTime() + env().REFRESH_TOKEN_TTL_DAYS * 86_400_000);
}

/** Creates an access/refresh pair: the plaintext for the caller, the row for the database. */
export function newGrant(
  tokenSetId: string,
  issuedAt: Date,
): { grant: IssuedGrant; row: GrantRow } {
  const grant: IssuedGrant = {
    accessToken: generateToken(),
    refreshToken: generateToken(),
    accessExpiresAt: accessTokenExpiry(issuedAt),
    refreshExpiresAt: refreshTokenExpiry(issuedAt),
  };
  const row: GrantRow = {
    tokenSetId,
    accessTokenHash: hashSecret(grant.accessToken),
    refreshTokenHash: hashSecret(grant.refreshToken),
    accessExpiresAt: grant.accessExpiresAt,
    refreshExpiresAt: grant.refreshExpiresAt,
    createdAt: issuedAt,
  };

  return { grant, row };
}
