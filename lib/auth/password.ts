import argon2 from "argon2";

export const MIN_PASSWORD_LENGTH = 12;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** Spent on unknown emails too, so the response time does not reveal which accounts exist. */
const DUMMY_HASH = hashPassword("keyward-timing-equaliser");

export async function verifyPasswordOrDummy(hash: string | null, password: string) {
  return verifyPassword(hash ?? (await DUMMY_HASH), password).then((ok) => ok && hash !== null);
}
