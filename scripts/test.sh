#!/usr/bin/env bash
# The whole suite, as CI runs it: static checks, unit, build, integration over HTTP on SQLite
# and PostgreSQL, end to end in Chromium, and the benchmark harness in quick mode.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n=== %s ===\n' "$1"; }

pg_admin_url="${KEYWARD_PG_ADMIN_URL:-postgresql://postgres@127.0.0.1:5432/postgres}"
has_postgres=false
if node -e "const c=new (require('pg').Client)({connectionString:process.argv[1]});
  c.connect().then(()=>c.end()).catch(()=>process.exit(1))" "$pg_admin_url" 2>/dev/null; then
  has_postgres=true
elif [ "${CI:-}" = "true" ]; then
  echo "PostgreSQL is not reachable at $pg_admin_url; CI needs it." >&2
  exit 1
fi

step "Prisma clients"
npm run --silent db:generate >/dev/null

step "Types";  npm run --silent typecheck
step "Lint and format"; npm run --silent lint

if $has_postgres; then
  step "Models and migrations in step (SQLite and PostgreSQL)"
  npm run --silent db:check
fi

step "Unit tests"; npx vitest run --project unit
step "Build"; npx next build
step "Integration tests on SQLite (both public-API transports)"
npx vitest run --project integration

if $has_postgres; then
  step "Integration tests on PostgreSQL (two instances)"
  KEYWARD_TEST_DATABASE=postgres npx vitest run --project integration
else
  step "Skipped: integration tests on PostgreSQL (no server at $pg_admin_url)"
fi

step "End-to-end tests (Chromium)"
npx playwright test

step "Benchmark harness (quick mode: every target answers correctly)"
npm run --silent bench -- --quick
