import { parseArgs } from "node:util";

import nextEnv from "@next/env";

nextEnv.loadEnvConfig(process.cwd());

const usage = `Usage: npm run user:create -- --email EMAIL --name NAME --role merchant|support
       [--merchant "MERCHANT NAME"] [--password PASSWORD]
The password is read from --password, else from the KEYWARD_PASSWORD environment variable.`;

async function main() {
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      name: { type: "string" },
      role: { type: "string" },
      merchant: { type: "string" },
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
    password: values.password ?? process.env.KEYWARD_PASSWORD ?? "",
  });

  console.log(`Created ${user.role} user ${user.email} (id ${user.id}).`);
}

main().catch((error: unknown) => {
  const issues = (error as { issues?: { message: string }[] }).issues;

  console.error(issues ? issues.map((issue) => issue.message).join("\n") : String(error));
  console.error(usage);
  process.exit(1);
});
