#!/usr/bin/env bash
# The whole suite, as CI runs it: static checks, unit, build, integration over HTTP, end to end.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n=== %s ===\n' "$1"; }

step "Prisma client"
npm run --silent db:generate >/dev/null

step "Types";       npm run --silent typecheck
step "Lint";        npm run --silent lint
step "Unit tests";  npx vitest run --project unit
step "Build";       npx next build
step "Integration tests (HTTP, both public-API transports)"
npx vitest run --project integration
step "End-to-end tests (Chromium)"
npx playwright test
