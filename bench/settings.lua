-- wrk script: POST the refund saver settings of a random one of N profiles, with random values.
-- Environment: API_KEY (the app's secret key), PROFILES (how many profiles "bench-1".."bench-N" exist).
local api_key = os.getenv("API_KEY")
local profiles = tonumber(os.getenv("PROFILES") or "1000")
local preferences = { '"grant"', '"decline"', '"no_preference"', 'null' }
local consents = { 'true', 'false', 'null' }

request = function()
  local headers = {
    ["Authorization"] = "Api-Key " .. api_key,
    ["Content-Type"] = "application/json",
    ["adapty-customer-user-id"] = "bench-" .. math.random(1, profiles),
  }
  local body = '{"consent":' .. consents[math.random(1, #consents)]
    .. ',"custom_preference":' .. preferences[math.random(1, #preferences)] .. '}'
  return wrk.format("POST", "/api/v2/server-side-api/purchase/profile/refund-saver/settings/", headers, body)
end

done = function(summary, latency, requests)
  io.write(string.format("requests/s: %.0f\n", summary.requests / (summary.duration / 1e6)))
  io.write(string.format("latency p50: %.2f ms, p90: %.2f ms, p99: %.2f ms, max: %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("requests: %d, errors (socket): %d connect, %d read, %d write, %d timeout; non-2xx: %d\n",
    summary.requests, summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout,
    summary.errors.status))
end
