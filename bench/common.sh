# Sourced by the benchmark scripts.

# Prints the API's URL once the AppHost (pid $2, log $1) reports it running; fails if it stops or takes 2 minutes.
wait_for_api_url() {
  local log=$1 apphost=$2 url=""
  for _ in $(seq 240); do
    url=$(grep -oE 'api +Project +Running +http://[0-9.:]+' "$log" 2> /dev/null | grep -oE 'http://[0-9.:]+' || true)
    [ -n "$url" ] && { echo "$url"; return 0; }
    kill -0 "$apphost" 2> /dev/null || { cat "$log" >&2; echo "The AppHost stopped." >&2; return 1; }
    sleep 0.5
  done
  tail -50 "$log" >&2
  echo "The API did not come up." >&2
  return 1
}

# Prints a TCP port of 127.0.0.1 that nothing listens on now (for AppHost__DashboardPort).
free_port() {
  local port
  for port in $(shuf -i 20000-40000 -n 100); do
    (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null || { echo "$port"; return 0; }
  done
  echo "No free port found." >&2
  return 1
}
