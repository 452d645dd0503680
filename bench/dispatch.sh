#!/usr/bin/env bash
# Benchmark of the dispatcher (answering Apple's Send Consumption Information): starts the whole
# system with the AppHost (Release, Production, private data directory, the App Store simulator as
# Apple with its 50 calls/s per app), then with bench/RefundSaver.Bench `dispatch`:
#   (1) Backlog: APPS apps with PER_APP refund requests each and one big app with BIG, all held for
#       review (review_delay_minutes 600) until every one is Held in PostgreSQL, then released at
#       once (UPDATE … SET state='Due', due_at=now() WHERE state='Held'; NOTIFY): drain time,
#       throughput, the big app's rate, 429s and per-second peaks as the simulator saw them.
#   (2) One by one: ONE_BY_ONE refund requests of a fresh app without hold, each after the previous
#       one is answered (RATE=0) or at a fixed RATE/s: notification sent → 202 received, p50–max.
#   APPS=100 PER_APP=100 BIG=2000 CONCURRENCY=32 ONE_BY_ONE=200 RATE=0 PACE=48 TIMEOUT=180s bench/dispatch.sh
# Exits non-zero, with the AppHost log's tail, if the system does not come up or requests get stuck
# (a wait longer than TIMEOUT). The AppHost's log of the last run is kept in
# /tmp/last-dispatch-bench-apphost.log. The load generator shares the machine's cores with the system.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
APPS=${APPS:-100}
PER_APP=${PER_APP:-100}
BIG=${BIG:-2000}
CONCURRENCY=${CONCURRENCY:-32}
ONE_BY_ONE=${ONE_BY_ONE:-200}
RATE=${RATE:-0}
TIMEOUT=${TIMEOUT:-180s}
# The dispatcher's pace per app (its default, 48/s); the call windows keep Apple's 50.
PACE=${PACE:-48}

scripts/install-prerequisites.sh

work=$(mktemp -d)
chmod 755 "$work" # the postgres user must reach its data directory inside
log="$work/apphost.log"
dotnet build RefundSaver.AppHost -c Release -v quiet -nologo > /dev/null
dotnet build bench/RefundSaver.Bench -c Release -v quiet -nologo > /dev/null
bench=(dotnet bench/RefundSaver.Bench/bin/Release/net10.0/RefundSaver.Bench.dll)

apphost=""
url=""
cleanup() {
  local status=$?
  if [ "$status" -ne 0 ] && [ -n "$url" ] && [ -f "$log" ]; then
    echo >&2; echo "== The AppHost log's last 40 lines (all of it: /tmp/last-dispatch-bench-apphost.log)" >&2
    tail -40 "$log" >&2
  fi
  [ -n "$apphost" ] && kill -TERM "$apphost" 2> /dev/null && wait "$apphost" 2> /dev/null
  cp "$log" /tmp/last-dispatch-bench-apphost.log 2> /dev/null
  sweep_secrets "$log" "$work/data" || status=1
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT

# The bench's apps are Production apps at the simulator, whose root the API trusts for Sandbox only unless told.
# The simulator delivers every notification from one address, so the webhook's per-address limit is lifted.
Webhook__RateLimit__RequestsPerSecond=0 Dispatcher__ProductionRatePerSecond="$PACE" AppHost__AppStoreSimulator=true AppStore__Verification__AllowExtraRootsInProduction=true \
  start_apphost "$work/data" "$log"

url=$(resource_url "$log" "$apphost" api)
appstore=$(resource_url "$log" "$apphost" appstore)
postgres=$(resource_url "$log" "$apphost" postgres)
echo "AppHost up: API at $url, App Store simulator at $appstore"
echo "Load: $(uptime | sed 's/.*load average/load average/') on $(nproc) cores"
echo

"${bench[@]}" dispatch --api "$url" --appstore "$appstore" --postgres "$postgres" --data "$work/data" \
  --apps "$APPS" --per-app "$PER_APP" --big "$BIG" --concurrency "$CONCURRENCY" \
  --one-by-one "$ONE_BY_ONE" --rate "$RATE" --timeout "$TIMEOUT"
echo
echo "Load at the end: $(uptime | sed 's/.*load average/load average/')"
