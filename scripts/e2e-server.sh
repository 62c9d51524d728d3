#!/usr/bin/env bash
# Starts the production server for Playwright on a fresh SQLite file with the demo accounts.
set -euo pipefail
cd "$(dirname "$0")/.."

mkdir -p .tmp
export DATABASE_URL="file:./.tmp/e2e.db"
export NODE_ENV=production
export NEXTAUTH_SECRET="${NEXTAUTH_SECRET:-e2e-only-secret-$(node -e 'console.log(require("crypto").randomBytes(24).toString("hex"))')}"
export LOG_LEVEL=warn

rm -f .tmp/e2e.db .tmp/e2e.db-wal .tmp/e2e.db-shm
node scripts/prisma.mjs migrate deploy >/dev/null
npx tsx scripts/seed.ts >/dev/null
exec npx tsx server.ts
