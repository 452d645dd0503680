#!/usr/bin/env bash
# Benchmark of POST .../refund-saver/settings/: starts the whole system with the AppHost (Release,
# Production, private data directory), makes an app and PROFILES profiles, then drives the endpoint
# with wrk on loopback: first as fast as it goes (throughput), then at a fixed RATE (latency at
# that load). Each run prints requests/s and latency percentiles.
#   DURATION=15s CONNECTIONS=64 THREADS=2 PROFILES=1000 RATE=8000 bench/settings.sh
# The AppHost's log of the last run is kept in /tmp/last-bench-apphost.log.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
PROFILES=${PROFILES:-1000}
RATE=${RATE:-8000}

scripts/install-prerequisites.sh
if ! command -v wrk > /dev/null; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get install -y -qq wrk
fi

work=$(mktemp -d)
chmod 755 "$work" # the postgres user must reach its data directory inside
log="$work/apphost.log"
dotnet build RefundSaver.AppHost -c Release -v quiet -nologo > /dev/null

# One app sends everything here, so its rate limit (Api:RateLimit, 2,000/s by default) is lifted.
Api__RateLimit__RequestsPerSecond=0 start_apphost "$work/data" "$log"
cleanup() {
  local status=$?
  kill -TERM "$apphost" 2> /dev/null; wait "$apphost" 2> /dev/null
  cp "$log" /tmp/last-bench-apphost.log
  sweep_secrets "$log" "$work/data" || status=1
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT

url=$(resource_url "$log" "$apphost" api)
token=$(cat "$work/data/admin-token")
echo "API at $url"

api_key=$(curl -sf -X POST "$url/admin/api/apps" -H "Authorization: Bearer $token" \
  -d "{\"name\":\"bench\",\"bundle_id\":\"com.example.bench\"}" | grep -oE 'secret_live_[A-Za-z0-9.]+')
seq "$PROFILES" | xargs -P 8 -I%% curl -sf -o /dev/null -X POST "$url/api/v2/server-side-api/profile/" \
  -H "Authorization: Api-Key $api_key" -H "adapty-customer-user-id: bench-%%" -d '{}'
echo "Created $PROFILES profiles; warming up for 10 s (until the JIT has tiered up)."
export API_KEY="$api_key" PROFILES="$PROFILES" THREADS="$THREADS"
wrk -t"$THREADS" -c"$CONNECTIONS" -d10s -s bench/settings.lua "$url" > /dev/null

echo; echo "== Throughput: as fast as it goes, $CONNECTIONS connections, $DURATION"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s bench/settings.lua "$url" | tail -3
echo; echo "== Latency at $RATE requests/s, $CONNECTIONS connections, $DURATION"
RATE="$RATE" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s bench/settings.lua "$url" | tail -3
