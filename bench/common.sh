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
# data directory ($1) and free ports, its output and every resource's in the log file ($2). Settings for the AppHost and
# what it forwards come from the caller's environment. Sets $apphost to its process id.
start_apphost() {
  local data=$1 log=$2
  DOTNET_ENVIRONMENT=Production \
  ASPNETCORE_URLS="http://127.0.0.1:$(free_port)" \
  ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL="http://127.0.0.1:$(free_port)" \
  ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL="http://127.0.0.1:$(free_port)" \
  ASPIRE_ALLOW_UNSECURED_TRANSPORT=true \
  AppHost__DataDirectory="$data" AppHost__FixedPorts=false AppHost__EchoLogs=true \
    dotnet RefundSaver.AppHost/bin/Release/net10.0/RefundSaver.AppHost.dll > "$log" 2>&1 &
  apphost=$!
}

# Prints the URL of resource $3 once the AppHost (log $1, pid $2) reports it running and healthy;
# fails if the AppHost stops or it takes 3 minutes.
resource_url() {
  local log=$1 apphost=$2 name=$3 url=""
  for _ in $(seq 360); do
    url=$(grep -aoE "^ +$name +Running Healthy +[a-z]+://[^ ]+" "$log" 2> /dev/null | head -1 | grep -oE '[a-z]+://[^ ]+' || true)
    [ -n "$url" ] && { echo "${url%/}"; return 0; }
    kill -0 "$apphost" 2> /dev/null || { cat "$log" >&2; echo "The AppHost stopped." >&2; return 1; }
    sleep 0.5
  done
  tail -50 "$log" >&2
  echo "'$name' did not come up." >&2
  return 1
}

# Fails, naming what it found (never the secret itself), if the log ($1) of a run on the data
# directory ($2) holds a secret: one the AppHost keeps there, an API key, a private key or a signed
# payload (a JWS or JWT). Every benchmark runs it on its whole log when it ends.
sweep_secrets() {
  local log=$1 data=$2 found=0 name file
  for file in admin-token credentials-key database-api-password postgres/password; do
    [ -s "$data/$file" ] || continue
    if grep -aqF -- "$(tr -d '\n' < "$data/$file")" "$log"; then
      echo "SECRET IN LOGS: the content of $file" >&2; found=1
    fi
  done
  for name in 'an API key:secret_live_[A-Za-z0-9]{8}\.[A-Za-z0-9]{32}' 'a private key:PRIVATE KEY-----' \
    'a signed payload or token:eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,}'; do
    if grep -aqE -- "${name#*:}" "$log"; then
      echo "SECRET IN LOGS: ${name%%:*}" >&2; found=1
    fi
  done
  [ "$found" -eq 0 ] && echo "Secrets in the logs: none ($(wc -l < "$log") lines swept)."
  return "$found"
}
