import type { VerifyStore } from "./store";

export function createPostgresStore(): VerifyStore {
  throw new Error("PostgreSQL is not supported yet.");
}
