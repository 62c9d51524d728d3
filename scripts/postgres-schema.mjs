#!/usr/bin/env node
// Derives prisma/postgres/schema.prisma from prisma/schema.prisma, the one source of truth for
// the models: only the provider and the generated client's folder differ.
import fs from "node:fs";

const source = fs.readFileSync("prisma/schema.prisma", "utf8");
const derived = source
  .replace(
    'output     = "../lib/generated/prisma"',
    'output     = "../../lib/generated/prisma-postgres"',
  )
  .replace(
    /provider = "sqlite"\n\s*url\s*= "[^"]*"/,
    'provider = "postgresql"\n  url      = env("DATABASE_URL")',
  );

if (derived === source || !derived.includes('provider = "postgresql"')) {
  console.error("Could not derive the PostgreSQL schema: prisma/schema.prisma changed shape.");
  process.exit(1);
}

const header =
  "// Generated from prisma/schema.prisma by scripts/postgres-schema.mjs. Do not edit.\n\n";
const target = "prisma/postgres/schema.prisma";
const next = header + derived;

if (process.argv.includes("--check")) {
  const current = fs.existsSync(target) ? fs.readFileSync(target, "utf8") : "";

  if (current !== next) {
    console.error(`${target} is out of date: run npm run db:generate and commit it.`);
    process.exit(1);
  }
} else {
  fs.writeFileSync(target, next);
}
