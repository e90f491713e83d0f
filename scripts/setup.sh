#!/usr/bin/env bash
# Shared first step of `npm start` and `npm test`: dependencies, build, the Temporal CLI
# (`setup.sh install`: the dependencies alone, for CI's lint before the tests).
set -euo pipefail
cd "$(dirname "$0")/.."

# Install when node_modules is missing or older than the lock file.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "[setup] npm ci"
  npm ci --no-audit --no-fund
fi
[ "${1:-}" = install ] && exit 0

echo "[setup] build"
npm run --silent build

# The API and tests start their own Temporal unless TEMPORAL_ADDRESS points at one.
if [ -z "${TEMPORAL_ADDRESS:-}" ]; then
  node dist/scripts/temporal-cli.js
fi
