import { AppError } from "../errors";
import type { SessionUser } from "./roles";

export function merchantIdOf(user: SessionUser): string {
  if (!user.merchantId) {
    throw new AppError("forbidden", "This account does not belong to a merchant.");
  }

  return user.merchantId;
}
