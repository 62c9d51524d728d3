import { z } from "zod";

import { hashPassword, MIN_PASSWORD_LENGTH } from "./auth/password";
import { ROLES } from "./auth/roles";
import { db } from "./db";
import { AppError } from "./errors";

const emailSchema = z.string().trim().toLowerCase().email("email must be a valid address");

const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `password needs ${MIN_PASSWORD_LENGTH}+ characters`);

export const newUserSchema = z
  .object({
    email: emailSchema,
    name: z.string().trim().min(1).max(100),
    password: passwordSchema,
    role: z.enum(ROLES),
    merchantName: z.string().trim().min(1).max(100).optional(),
  })
  .refine((user) => user.role === "support" || Boolean(user.merchantName), {
    message: "a merchant user needs a merchant name",
  })
  .refine((user) => user.role === "merchant" || !user.merchantName, {
    message: "a support user belongs to no merchant",
  });

export type NewUser = z.infer<typeof newUserSchema>;

/** Creates a user; a merchant user joins the merchant of that name, created if it is new. */
export async function createUser(input: NewUser) {
  const user = newUserSchema.parse(input);
  const passwordHash = await hashPassword(user.password);

  return db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: user.email }, select: { id: true } })) {
      throw new AppError("conflict", `A user with email ${user.email} already exists.`);
    }

    const merchant = user.merchantName
      ? ((await tx.merchant.findFirst({ where: { name: user.merchantName } })) ??
        (await tx.merchant.create({ data: { name: user.merchantName } })))
      : null;

    return tx.user.create({
      data: {
        email: user.email,
        name: user.name,
        passwordHash,
        role: user.role,
        merchantId: merchant?.id ?? null,
      },
      select: { id: true, email: true, role: true, merchantId: true },
    });
  });
}

/**
 * Sessions are JWTs the server cannot recall; every request compares the token's sessionVersion
 * with the user's, so bumping it here ends all of that user's sessions on their next request.
 */
async function updateUserEndingSessions(
  email: string,
  data: { disabled?: true; passwordHash?: string },
) {
  const result = await db.user.updateMany({
    where: { email: emailSchema.parse(email) },
    data: { ...data, sessionVersion: { increment: 1 } },
  });

  if (result.count !== 1) {
    throw new AppError("not_found", `No user with email ${email}.`);
  }
}

export async function disableUser(email: string): Promise<void> {
  await updateUserEndingSessions(email, { disabled: true });
}

export async function changePassword(email: string, password: string): Promise<void> {
  const parsed = passwordSchema.parse(password);

  await updateUserEndingSessions(email, { passwordHash: await hashPassword(parsed) });
}
