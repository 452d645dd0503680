# Sourced by the benchmark scripts.

# Prints a TCP port of 127.0.0.1 that nothing listens on now.
free_port() {
  local port
  for port in $(shuf -i 20000-40000 -n 100); do
    (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null || { echo "$port"; return 0; }
  done
  echo "No free port found." >&2
  return 1
}

# Starts the AppHost (its Release build) in the background as a self-hoster runs it on a server:
# Production, Aspire's dashboard on (so the services export their telemetry to it), on a private
# data directory ($1) and free ports, its output in the log file ($2). Settings for the AppHost and
# what it forwards come from the caller's environment. Sets $apphost to its process id.
start_apphost() {
  local data=$1 log=$2
  DOTNET_ENVIRONMENT=Production \
  ASPNETCORE_URLS="http://127.0.0.1:$(free_port)" \
  ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL="http://127.0.0.1:$(free_port)" \
  ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL="http://127.0.0.1:$(free_port)" \
  ASPIRE_ALLOW_UNSECURED_TRANSPORT=true \
  AppHost__DataDirectory="$data" AppHost__FixedPorts=false \
    dotnet RefundSaver.AppHost/bin/Release/net10.0/RefundSaver.AppHost.dll > "$log" 2>&1 &
  apphost=$!
}

# Prints the URL of resource $3 once the AppHost (log $1, pid $2) reports it running and healthy;
# fails if the AppHost stops or it takes 3 minutes.
resource_url() {
  local log=$1 apphost=$2 name=$3 url=""
  for _ in $(seq 360); do
    url=$(grep -oE "^ +$name +Running Healthy +[a-z]+://[^ ]+" "$log" 2> /dev/null | head -1 | grep -oE '[a-z]+://[^ ]+' || true)
    [ -n "$url" ] && { echo "${url%/}"; return 0; }
    kill -0 "$apphost" 2> /dev/null || { cat "$log" >&2; echo "The AppHost stopped." >&2; return 1; }
    sleep 0.5
  done
  tail -50 "$log" >&2
  echo "'$name' did not come up." >&2
  return 1
}
