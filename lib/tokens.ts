import { env } from "./env";
import type { Prisma } from "./generated/prisma/client";
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

export function accessTokenExpiry(issuedAt: Date): Date {
  return new Date(issuedAt.getTime() + ACCESS_TOKEN_TTL_SECONDS * 1000);
}

export function refreshTokenExpiry(issuedAt: Date): Date {
  return new Date(issuedAt.getTime() + env().REFRESH_TOKEN_TTL_DAYS * 86_400_000);
}

/** Creates an access/refresh pair for a token set; only their hashes reach the database. */
export async function issueGrant(
  tx: Prisma.TransactionClient,
  tokenSetId: string,
  issuedAt: Date,
): Promise<IssuedGrant> {
  const grant: IssuedGrant = {
    accessToken: generateToken(),
    refreshToken: generateToken(),
    accessExpiresAt: accessTokenExpiry(issuedAt),
    refreshExpiresAt: refreshTokenExpiry(issuedAt),
  };

  await tx.tokenGrant.create({
    data: {
      tokenSetId,
      accessTokenHash: hashSecret(grant.accessToken),
      refreshTokenHash: hashSecret(grant.refreshToken),
      accessExpiresAt: grant.accessExpiresAt,
      refreshExpiresAt: grant.refreshExpiresAt,
      createdAt: issuedAt,
    },
  });

  return grant;
}
