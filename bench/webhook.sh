#!/usr/bin/env bash
# Benchmark of POST /webhooks/app-store (App Store Server Notifications V2): starts the whole system
# with the AppHost (Release, Production, private data directory) trusting a fresh test signing
# chain, then drives the webhook with distinct, pre-signed notifications (half CONSUMPTION_REQUEST,
# half ONE_TIME_CHARGE, each with a nested signed transaction) from bench/RefundSaver.Bench:
#   (a) full path, as fast as it goes;  (b) full path at a fixed RATE (latency, open-loop);
#   (c) verification only: the product's verifier behind a bench-only Kestrel host (the ceiling).
#   DURATION=15s CONNECTIONS=256 RATE=1000 ARRIVALS=even RATE_CONNECTIONS=64 WARMUP=20s DISPATCHER=false PHASES=abc bench/webhook.sh
# (a) and (c) keep CONNECTIONS requests in flight: the API writes the notifications that wait
# together as one batch, so the more wait, the less each costs PostgreSQL. (b) sends at RATE over
# RATE_CONNECTIONS connections.
# PHASES picks which of (a), (b) and (c) run. Each prints its processes' CPU time per notification.
# The API runs as an ingestion-only process (Dispatcher__Enabled=false) unless DISPATCHER=true:
# with its dispatcher on, the same process also answers every CONSUMPTION_REQUEST it stores.
# The AppHost's log of the last run is kept in /tmp/last-webhook-bench-apphost.log. The load
# generator shares the machine's cores with the API and PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
DISPATCHER=${DISPATCHER:-false}
source bench/common.sh
DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-256}
RATE_CONNECTIONS=${RATE_CONNECTIONS:-64}
RATE=${RATE:-1000}
ARRIVALS=${ARRIVALS:-even}
WARMUP=${WARMUP:-20s}
VERIFY_PORT=${VERIFY_PORT:-5189}
PHASES=${PHASES:-abc}

scripts/install-prerequisites.sh

work=$(mktemp -d)
chmod 755 "$work" # the postgres user must reach its data directory inside
log="$work/apphost.log"
dotnet build RefundSaver.AppHost -c Release -v quiet -nologo > /dev/null
dotnet build bench/RefundSaver.Bench -c Release -v quiet -nologo > /dev/null
bench=(dotnet bench/RefundSaver.Bench/bin/Release/net10.0/RefundSaver.Bench.dll)
"${bench[@]}" chain --out "$work/chain"

apphost=""
verifyhost=""
cleanup() {
  [ -n "$verifyhost" ] && kill -TERM "$verifyhost" 2> /dev/null && wait "$verifyhost" 2> /dev/null
  [ -n "$apphost" ] && kill -TERM "$apphost" 2> /dev/null && wait "$apphost" 2> /dev/null
  cp "$log" /tmp/last-webhook-bench-apphost.log 2> /dev/null
  local status=0
  sweep_secrets "$log" "$work/data" || status=1
  rm -rf "$work"
  [ "$status" -eq 0 ] || exit 1
}
trap cleanup EXIT

# All the load comes from one address, so the webhook's per-address limit (Webhook:RateLimit, 200/s) is lifted.
Webhook__RateLimit__RequestsPerSecond=0 \
  Dispatcher__Enabled="$DISPATCHER" \
  AppStore__Verification__ExtraTrustedRoots__0="$(cat "$work/chain/root.pem")" \
  start_apphost "$work/data" "$log"

url=$(resource_url "$log" "$apphost" api)
token=$(cat "$work/data/admin-token")
echo "API at $url (dispatcher: $DISPATCHER)"

# The load generator shares the cores with what it measures: its idle threads must not spin on them.
load=(env DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0 "${bench[@]}" load --chain "$work/chain" --duration "$DURATION" --warmup "$WARMUP")

if [[ $PHASES == *a* ]]; then
  echo; echo "== (a) Full path, as fast as it goes, $CONNECTIONS connections, $DURATION"
  "${load[@]}" --url "$url" --admin-token "$token" --connections "$CONNECTIONS" --rate 0
fi

if [[ $PHASES == *b* ]]; then
  echo; echo "== (b) Full path at $RATE notifications/s (open-loop, $ARRIVALS arrivals), $RATE_CONNECTIONS connections, $DURATION"
  "${load[@]}" --url "$url" --admin-token "$token" --connections "$RATE_CONNECTIONS" --rate "$RATE" --arrivals "$ARRIVALS"
fi

[[ $PHASES == *c* ]] || exit 0

# (c) without the system running, so the verifier has the machine to itself as the API would.
kill -TERM "$apphost" 2> /dev/null; wait "$apphost" 2> /dev/null || true; apphost=""
"${bench[@]}" verify-host --port "$VERIFY_PORT" --chain "$work/chain" &
verifyhost=$!
for _ in $(seq 60); do
  curl -s -o /dev/null "http://127.0.0.1:$VERIFY_PORT/" && break
  sleep 0.25
done
echo; echo "== (c) Verification only (bench verify-host: the product's verifier on the notification and its transaction), as fast as it goes, $CONNECTIONS connections, $DURATION"
"${load[@]}" --url "http://127.0.0.1:$VERIFY_PORT" --path /verify --connections "$CONNECTIONS" --rate 0
