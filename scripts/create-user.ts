import { parseArgs } from "node:util";

import nextEnv from "@next/env";

nextEnv.loadEnvConfig(process.cwd());

const usage = `Usage: npm run user:create -- --email EMAIL --name NAME --role merchant|support
       [--merchant "MERCHANT NAME" [--join]] [--password PASSWORD]
A merchant user gets a new merchant of that name; --join adds the user to the existing merchant of
that name instead, whose users then manage each other's keys.
The password is read from --password, else from the KEYWARD_PASSWORD environment variable.`;

async function main() {
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      name: { type: "string" },
      role: { type: "string" },
      merchant: { type: "string" },
      join: { type: "boolean" },
      password: { type: "string" },
      help: { type: "boolean" },
    },
  });

  if (values.help) {
    console.log(usage);

    return;
  }

  const { createUser } = await import("../lib/users");
  const user = await createUser({
    email: values.email ?? "",
    name: values.name ?? values.email ?? "",
    role: (values.role ?? "merchant") as "merchant" | "support",
    merchantName: values.merchant,
    joinMerchant: values.join ?? false,
    password: values.password ?? process.env.KEYWARD_PASSWORD ?? "",
  });

  const merchant = user.merchant;
  const where = !merchant
    ? ""
    : merchant.joined
      ? ` in the existing merchant "${merchant.name}" (${merchant.otherUsers} other user(s))`
      : ` in the new merchant "${merchant.name}"`;

  console.log(`Created ${user.role} user ${user.email} (id ${user.id})${where}.`);
}

main().catch((error: unknown) => {
  const issues = (error as { issues?: { message: string }[] }).issues;

  console.error(issues ? issues.map((issue) => issue.message).join("\n") : String(error));
  console.error(usage);
  process.exit(1);
});
