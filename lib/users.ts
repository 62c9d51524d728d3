import { z } from "zod";

import { hashPassword, MIN_PASSWORD_LENGTH } from "./auth/password";
import { ROLES } from "./auth/roles";
import { db } from "./db";
import { AppError } from "./errors";
import type { Prisma } from "./generated/prisma/client";

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
    joinMerchant: z.boolean().default(false),
  })
  .refine((user) => user.role === "support" || Boolean(user.merchantName), {
    message: "a merchant user needs a merchant name",
  })
  .refine((user) => user.role === "merchant" || !user.merchantName, {
    message: "a support user belongs to no merchant",
  });

export type NewUserInput = z.input<typeof newUserSchema>;

/**
 * Creates a user. A merchant user gets a new merchant of that name; an existing merchant of that
 * name is joined only when asked, since its users manage each other's keys.
 */
export async function createUser(input: NewUserInput) {
  const user = newUserSchema.parse(input);
  const passwordHash = await hashPassword(user.password);

  return db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: user.email }, select: { id: true } })) {
      throw new AppError("conflict", `A user with email ${user.email} already exists.`);
    }

    const merchant = user.merchantName
      ? await merchantFor(tx, user.merchantName, user.joinMerchant)
      : null;
    const created = await tx.user.create({
      data: {
        email: user.email,
        name: user.name,
        passwordHash,
        role: user.role,
        merchantId: merchant?.id ?? null,
      },
      select: { id: true, email: true, role: true, merchantId: true },
    });

    return { ...created, merchant };
  });
}

async function merchantFor(tx: Prisma.TransactionClient, name: string, join: boolean) {
  const existing = await tx.merchant.findFirst({
    where: { name },
    select: { id: true, name: true, _count: { select: { users: true } } },
  });

  if (!existing) {
    const created = await tx.merchant.create({ data: { name }, select: { id: true, name: true } });

    return { ...created, joined: false, otherUsers: 0 };
  }

  if (!join) {
    throw new AppError(
      "conflict",
      `A merchant named "${name}" exists already, with ${existing._count.users} user(s); ` +
        "pass --join to add this user to it, or choose another name.",
    );
  }

  return { id: existing.id, name: existing.name, joined: true, otherUsers: existing._count.users };
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
