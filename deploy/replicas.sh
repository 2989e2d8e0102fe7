#!/usr/bin/env bash
# Two `cohesion serve` replicas behind HAProxy on loopback, load from wrk through the
# balancer, one replica killed mid-run. Passes when no request fails once the balancer has
# noticed (and, thanks to retries, normally none at all).
#   deploy/replicas.sh COHESION_BINARY [DATA_DIR]     (needs Debian's haproxy and wrk)
# Traffic goes to 127.0.0.1 only; every step is bounded in time.
set -euo pipefail
binary="${1:?usage: deploy/replicas.sh COHESION_BINARY [DATA_DIR]}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
data="${2:-$here/../data}"
command -v haproxy >/dev/null || { echo "replicas.sh: haproxy is not installed (apt-get install haproxy)" >&2; exit 2; }
command -v wrk >/dev/null || { echo "replicas.sh: wrk is not installed (apt-get install wrk)" >&2; exit 2; }

work="$(mktemp -d)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
export COHESION_LB_PORT="$(free_port)" COHESION_REPLICA1_PORT="$(free_port)" COHESION_REPLICA2_PORT="$(free_port)"

for port in "$COHESION_REPLICA1_PORT" "$COHESION_REPLICA2_PORT"; do
  "$binary" serve --port "$port" --dataset "bedford=$data/bedford/oa2011_ethnicity.csv@$data/bedford/oa2011.geojson" \
    >"$work/replica-$port.log" 2>&1 &
  pids+=($!)
done
replica1_pid="${pids[0]}"
haproxy -W -db -f "$here/haproxy.cfg" >"$work/haproxy.log" 2>&1 &
pids+=($!)

lb="http://127.0.0.1:$COHESION_LB_PORT"
ready=0
for _ in $(seq 1 100); do
  if curl -fsS "$lb/api/health" >/dev/null 2>&1; then ready=1; break; fi
  sleep 0.1
done
[ "$ready" = 1 ] || { echo "replicas.sh: the balancer did not answer"; cat "$work"/*.log; exit 1; }
url="$lb/api/indices?dataset=bedford&index=dissimilarity&group=Pakistani"
curl -fsS "$url" >/dev/null

errors_of() {  # wrk output -> number of failed requests (socket errors + non-2xx/3xx)
  awk '/Socket errors/ { gsub(",", ""); n += $4 + $6 + $8 + $10 } /Non-2xx/ { n += $NF } END { print n + 0 }' "$1"
}

echo "== phase 1: 8 s of load, replica 1 killed after 3 s"
wrk -t2 -c32 -d8s --latency "$url" >"$work/phase1.txt" &
wrk_pid=$!
sleep 3
kill -9 "$replica1_pid"
wait "$wrk_pid"
cat "$work/phase1.txt"
phase1_errors="$(errors_of "$work/phase1.txt")"

echo "== phase 2: 5 s of load after the balancer has marked replica 1 down"
sleep 2
wrk -t2 -c32 -d5s --latency "$url" >"$work/phase2.txt"
cat "$work/phase2.txt"
phase2_errors="$(errors_of "$work/phase2.txt")"

echo "failed requests: $phase1_errors while the replica died, $phase2_errors after the balancer noticed"
if [ "$phase2_errors" -eq 0 ]; then
  echo "1 passed, 0 failed"
else
  echo "0 passed, 1 failed"
  exit 1
fi
