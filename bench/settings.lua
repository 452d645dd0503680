-- wrk script: POST the refund saver settings of a random one of N profiles, with random values.
-- Environment: API_KEY (the app's secret key), PROFILES (profiles "bench-1".."bench-N" exist),
-- THREADS (wrk's -t), RATE (optional: requests/s for the whole run; without it, as fast as possible).
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } timespec;
  int clock_gettime(int clock_id, timespec *tp);
]]
local ts = ffi.new("timespec")
local function now_ms()
  ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
  return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
end

local api_key = os.getenv("API_KEY")
local profiles = tonumber(os.getenv("PROFILES") or "1000")
local rate = tonumber(os.getenv("RATE") or "0")
local interval = rate > 0 and tonumber(os.getenv("THREADS") or "2") * 1000 / rate or 0
local next_slot = 0
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

-- With RATE, each thread hands out send times on a fixed schedule (an open loop, as long as a
-- connection is free), so latency is measured at that load rather than at saturation.
if rate > 0 then
  delay = function()
    local now = now_ms()
    if next_slot < now then next_slot = now end
    local wait = next_slot - now
    next_slot = next_slot + interval
    return wait
  end
end

done = function(summary, latency, requests)
  io.write(string.format("requests/s: %.0f\n", summary.requests / (summary.duration / 1e6)))
  io.write(string.format("latency p50: %.2f ms, p90: %.2f ms, p99: %.2f ms, max: %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("requests: %d, errors (socket): %d connect, %d read, %d write, %d timeout; non-2xx: %d\n",
    summary.requests, summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout,
    summary.errors.status))
end
