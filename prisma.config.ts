import path from "node:path";

import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";

import { sqliteUrl } from "./lib/db-url";

export default defineConfig({
  experimental: { adapter: true },
  schema: path.join("prisma", "schema.prisma"),
  engine: "js",
  async adapter() {
    return new PrismaBetterSQLite3({ url: sqliteUrl() });
  },
});
