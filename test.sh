#!/usr/bin/env bash
# Runs the whole test suite against real PostgreSQL and Redis, installing them first if missing.
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-prerequisites.sh
log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
dotnet test RefundSaver.sln -c Release "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
# One closing line for the whole suite, summed over the test assemblies; a fixture's failed cleanup
# counts as a failure too.
awk -F'[:,]' '/(Passed|Failed)! +- +Failed:/ { failed += $2; passed += $4; skipped += $6 }
  /\[Test (Collection|Class|Assembly) Cleanup Failure/ { failed += 1 }
  END { printf "Tests: %d passed, %d failed, %d skipped\n", passed, failed, skipped }' "$log"
exit "$status"
