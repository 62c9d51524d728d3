import nextEnv from "@next/env";

nextEnv.loadEnvConfig(process.cwd());

export const DEMO_ACCOUNTS = [
  {
    email: "merchant@keyward.test",
    name: "Demo Merchant User",
    password: "keyward-merchant-demo",
    role: "merchant" as const,
    merchantName: "Demo Merchant Ltd",
  },
  {
    email: "support@keyward.test",
    name: "Demo Support User",
    password: "keyward-support-demo",
    role: "support" as const,
  },
];

async function main() {
  const { db } = await import("../lib/db");
  const { createUser } = await import("../lib/users");

  if ((await db.user.count()) === 0) {
    for (const account of DEMO_ACCOUNTS) {
      await createUser(account);
    }

    console.log("Seeded demo accounts (for local demos only; change them before real use):");
  } else {
    console.log("Users exist already; nothing seeded. The demo accounts, if you kept them:");
  }

  for (const account of DEMO_ACCOUNTS) {
    console.log(`  ${account.role.padEnd(8)} ${account.email}  password: ${account.password}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
