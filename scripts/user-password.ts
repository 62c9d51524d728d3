import { parseArgs } from "node:util";

import nextEnv from "@next/env";

nextEnv.loadEnvConfig(process.cwd());

const usage = `Usage: npm run user:password -- --email EMAIL [--password PASSWORD]
Sets a new password and ends all of the user's sessions at once. The password is read from
--password, else from the KEYWARD_PASSWORD environment variable.`;

async function main() {
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      password: { type: "string" },
      help: { type: "boolean" },
    },
  });
  const password = values.password ?? process.env.KEYWARD_PASSWORD;

  if (values.help || !values.email || !password) {
    console.log(usage);
    process.exitCode = values.help ? 0 : 1;

    return;
  }

  const { changePassword } = await import("../lib/users");

  await changePassword(values.email, password);
  console.log(`Changed the password of ${values.email}; their sessions have ended.`);
}

main().catch((error: unknown) => {
  const issues = (error as { issues?: { message: string }[] }).issues;

  console.error(issues ? issues.map((issue) => issue.message).join("\n") : String(error));
  process.exit(1);
});
