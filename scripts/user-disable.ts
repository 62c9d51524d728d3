import { parseArgs } from "node:util";

import nextEnv from "@next/env";

nextEnv.loadEnvConfig(process.cwd());

const usage = `Usage: npm run user:disable -- --email EMAIL
Disables the user and ends all of their sessions at once.`;

async function main() {
  const { values } = parseArgs({
    options: { email: { type: "string" }, help: { type: "boolean" } },
  });

  if (values.help || !values.email) {
    console.log(usage);
    process.exitCode = values.help ? 0 : 1;

    return;
  }

  const { disableUser } = await import("../lib/users");

  await disableUser(values.email);
  console.log(`Disabled ${values.email}; their sessions have ended.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
