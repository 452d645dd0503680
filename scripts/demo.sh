#!/usr/bin/env bash
# The whole refund flow against a running AppHost (`./run.sh` in another terminal), step by step:
# an app in RefundSaver and in the App Store simulator, a consenting customer, a purchase, a refund
# request (Apple's signed CONSUMPTION_REQUEST), RefundSaver's answer as the simulator received it,
# and Apple's decision coming back. Options (environment): POLICY (always_decline),
# API_VERSION (v2), DECISION (decline | refund), API (http://127.0.0.1:5080),
# APPLE (the simulator, http://127.0.0.1:5090), DATA (RefundSaver.AppHost/.data, for the admin token).
set -euo pipefail
cd "$(dirname "$0")/.."
API=${API:-http://127.0.0.1:5080}
APPLE=${APPLE:-http://127.0.0.1:5090}
DATA=${DATA:-RefundSaver.AppHost/.data}
POLICY=${POLICY:-always_decline}
API_VERSION=${API_VERSION:-v2}
DECISION=${DECISION:-decline}

command -v jq > /dev/null || { echo "This script needs jq (apt-get install -y jq)." >&2; exit 1; }
curl -sf -o /dev/null "$API/health" || { echo "No RefundSaver API at $API: start ./run.sh first." >&2; exit 1; }
curl -sf -o /dev/null "$APPLE/health" || { echo "No App Store simulator at $APPLE (it runs in Development, or with AppHost__AppStoreSimulator=true)." >&2; exit 1; }
ADMIN="Authorization: Bearer $(cat "$DATA/admin-token")"
JSON="Content-Type: application/json"
step() { printf '\n== %s\n' "$*"; }

bundle="com.example.demo$(date +%s)"
step "1. An app in RefundSaver ($bundle) and its API key for the app's backend"
created=$(curl -sf -X POST "$API/admin/api/apps" -H "$ADMIN" -H "$JSON" -d "{\"name\":\"Demo\",\"bundle_id\":\"$bundle\"}")
app_id=$(jq -r .id <<< "$created")
api_key=$(jq -r .api_key <<< "$created")
echo "app $app_id"

# In Sandbox: RefundSaver trusts the simulator's root (not Apple's) for Sandbox notifications only.
step "2. The same app at the App Store (simulator, Sandbox): Apple app id and an In-App Purchase key (.p8)"
apple=$(curl -sf -X POST "$APPLE/simulator/apps" -H "$JSON" \
  -d "{\"bundle_id\":\"$bundle\",\"notification_url\":\"$API/webhooks/app-store\",\"environment\":\"Sandbox\"}")
jq '{bundle_id, apple_app_id, environment, issuer_id, key_id}' <<< "$apple"

step "3. RefundSaver gets the app's identity, its key (sealed at rest), and its refund policy"
patch=$(jq -n --argjson apple "$apple" --arg policy "$POLICY" --arg version "$API_VERSION" '{
  apple_app_id: $apple.apple_app_id, environments: ["Production", "Sandbox"],
  app_store_credentials: {issuer_id: $apple.issuer_id, key_id: $apple.key_id, private_key_pem: $apple.private_key_pem},
  refund_policy: $policy, consumption_api_version: $version, consent_default: "opt_in"}')
curl -sf -X PATCH "$API/admin/api/apps/$app_id" -H "$ADMIN" -H "$JSON" -d "$patch" \
  | jq '{refund_policy, consumption_api_version, consent_default, app_store_credentials}'

step "4. The app's backend: a customer who consents, with some play time"
KEY="Authorization: Api-Key $api_key"
profile=$(curl -sf -X POST "$API/api/v2/server-side-api/profile/" -H "$KEY" -H "$JSON" -H "adapty-customer-user-id: demo-user-1" -d '{}')
profile_id=$(jq -r '.data.profile_id // .profile_id' <<< "$profile")
echo "profile $profile_id"
curl -sf -X POST "$API/api/v2/server-side-api/purchase/profile/refund-saver/settings/" -H "$KEY" -H "$JSON" \
  -H "adapty-customer-user-id: demo-user-1" -d '{"consent":true}' | jq -c .
curl -sf -X POST "$API/api/v2/server-side-api/profile/usage/" -H "$KEY" -H "$JSON" \
  -H "adapty-customer-user-id: demo-user-1" -d '{"play_time_seconds":5400}' | jq -c .

step "5. The customer buys 500 gems at the App Store (the purchase carries the profile's token)"
purchase=$(curl -sf -X POST "$APPLE/simulator/apps/$bundle/purchases" -H "$JSON" \
  -d "{\"product_id\":\"gems.500\",\"type\":\"Consumable\",\"price\":4990,\"currency\":\"USD\",\"app_account_token\":\"$profile_id\"}")
transaction=$(jq -r .transaction_id <<< "$purchase")
jq '{transaction_id, product_id, price, currency, notification_type}' <<< "$purchase"
curl -sf -X POST "$API/api/v2/server-side-api/purchase/app-store/transactions/consumption/" -H "$KEY" -H "$JSON" \
  -d "{\"transaction_id\":\"$transaction\",\"consumption_percentage\":80,\"delivery_status\":\"delivered\"}" | jq -c .

step "6. The customer asks Apple for a refund: Apple sends RefundSaver a signed CONSUMPTION_REQUEST"
curl -sf -X POST "$APPLE/simulator/transactions/$transaction/refund-request" -H "$JSON" -d '{"reason":"UNINTENDED_PURCHASE"}' | jq -c .

step "7. RefundSaver answers Apple (waiting for the request to be final)"
for _ in $(seq 60); do
  request=$(curl -sf "$API/admin/api/apps/$app_id/consumption-requests" -H "$ADMIN" | jq '.data[0] // empty')
  state=$(jq -r '.state // empty' <<< "$request")
  case "$state" in answered|skipped|failed|expired) break ;; esac
  sleep 0.5
done
request_id=$(jq -r .id <<< "$request")
curl -sf "$API/admin/api/apps/$app_id/consumption-requests/$request_id" -H "$ADMIN" \
  | jq '{state: .request.state, preference: .request.preference, why: .request.preference_source, body, attempts: [.attempt_log[] | {number, result, status_code, error_code}]}'

step "8. What Apple (the simulator) received"
curl -sf "$APPLE/simulator/transactions/$transaction/consumption" | jq .

step "9. Apple decides ($DECISION) and tells RefundSaver"
curl -sf -X POST "$APPLE/simulator/transactions/$transaction/decide" -H "$JSON" -d "{\"outcome\":\"$DECISION\"}" | jq -c .
for _ in $(seq 20); do
  outcome=$(curl -sf "$API/admin/api/apps/$app_id/consumption-requests/$request_id" -H "$ADMIN" | jq -r '.request.outcome // empty')
  [ -n "$outcome" ] && break
  sleep 0.5
done
echo "outcome recorded by RefundSaver: ${outcome:-none yet}"
