import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";

import { auditRow } from "../audit";
import { db } from "../db";
import { authSecret } from "../env";
import { headerReader, requestClientAddress, type HeaderReader } from "../http/request-client";
import { verifyPasswordOrDummy } from "./password";
import type { Role } from "./roles";

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(1024),
});

const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

async function signIn(raw: unknown, header: HeaderReader) {
  const parsed = credentialsSchema.safeParse(raw);

  if (!parsed.success) {
    return null;
  }

  const user = await db.user.findUnique({ where: { email: parsed.data.email } });
  const isValid = await verifyPasswordOrDummy(user?.passwordHash ?? null, parsed.data.password);
  const isAllowed = isValid && user !== null && !user.disabled;

  await db.auditEvent.create({
    data: auditRow(
      {
        type: "auth.sign_in",
        outcome: isAllowed ? "success" : "denied",
        reason: isAllowed ? null : "invalid_credentials",
        detail: user?.disabled ? "user disabled" : null,
        merchantId: user?.merchantId,
      },
      {
        requestId: crypto.randomUUID(),
        clientAddress: requestClientAddress(header),
        userAgent: header("user-agent"),
        actorUserId: user?.id,
      },
    ),
  });

  if (!isAllowed || !user) {
    return null;
  }

  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role as Role,
    merchantId: user.merchantId,
    sessionVersion: user.sessionVersion,
  };
}

export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
        },
        authorize: (credentials, request) => signIn(credentials, headerReader(request?.headers)),
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          const signedIn = user as unknown as { role: Role; sessionVersion: number };

          token.role = signedIn.role;
          token.sessionVersion = signedIn.sessionVersion;
        }

        return token;
      },
      session({ session, token }) {
        return {
          ...session,
          userId: token.sub,
          role: token.role,
          sessionVersion: token.sessionVersion,
        };
      },
    },
  };
}
