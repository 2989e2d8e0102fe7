#!/usr/bin/env bash
# Load on `cohesion serve` with wrk (Debian), the server and wrk on the same machine:
#   bench/server_load.sh [BUILD_DIR]      (default build/release)
# 1. cached /api/indices at 1 ... 256 connections: requests/s, p50, p99, errors;
# 2. 16 concurrent distinct hub-siting requests: answers (200 or 503), worst latency,
#    and the server's peak resident memory (VmHWM) before and after.
# Prints Markdown rows for BENCHMARKS.md. Traffic goes to 127.0.0.1 only.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$root/build/release}"
binary="$build/bin/cohesion"
data="$root/data/bedford"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
"$binary" serve --port "$port" --dataset "bedford=$data/oa2011_ethnicity.csv@$data/oa2011.geojson" \
  --census "bedford=$data/census2021_oa@$data/lsoa2021.geojson" --census-aggregate lsoa21cd 2>/dev/null &
server=$!
trap 'kill $server 2>/dev/null || true; wait 2>/dev/null || true' EXIT
base="http://127.0.0.1:$port"
for _ in $(seq 1 200); do curl -fsS "$base/api/health" >/dev/null 2>&1 && break; sleep 0.1; done
url="$base/api/indices?dataset=bedford&index=dissimilarity&group=Pakistani"
curl -fsS "$url" >/dev/null
rss() { awk '/VmRSS/ {rss=$2} /VmHWM/ {hwm=$2} END {printf "%.0f MB (peak %.0f MB)", rss/1024, hwm/1024}' /proc/$server/status; }

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); resident memory after start: $(rss)"
echo
echo "| connections | requests/s | p50 | p99 | failed |"
echo "|---:|---:|---:|---:|---:|"
for c in 1 8 32 64 256; do
  threads=2; [ "$c" -lt 2 ] && threads=1
  out="$(wrk -t"$threads" -c"$c" -d5s --latency "$url")"
  rps="$(awk '/Requests\/sec/ {printf "%\047.0f", $2}' <<<"$out")"
  p50="$(awk '$1 == "50%" {print $2}' <<<"$out")"
  p99="$(awk '$1 == "99%" {print $2}' <<<"$out")"
  failed="$(awk '/Socket errors/ { gsub(",", ""); n += $4 + $6 + $8 + $10 } /Non-2xx/ { n += $NF } END { print n + 0 }' <<<"$out")"
  echo "| $c | $rps | $p50 | $p99 | $failed |"
done
echo
echo "16 concurrent hub-siting requests (distinct, so none is cached or shared):"
start=$(date +%s.%N)
for k in $(seq 1 16); do
  curl -s -o /dev/null -w "%{http_code} %{time_total}\n" \
    "$base/api/target/hubs?dataset=bedford&hubs=$((k % 8 + 2))&distance=$((600 + k * 50))" &
done >"/tmp/cohesion-hubs-$$.txt"
wait $(jobs -p | grep -v "^$server$") 2>/dev/null || true
sleep 0.2
ok=$(grep -c '^200' "/tmp/cohesion-hubs-$$.txt" || true)
busy=$(grep -c '^503' "/tmp/cohesion-hubs-$$.txt" || true)
worst=$(sort -k2 -n "/tmp/cohesion-hubs-$$.txt" | tail -1 | cut -d' ' -f2)
rm -f "/tmp/cohesion-hubs-$$.txt"
echo "answered 200: $ok, refused 503 (queue full): $busy, worst latency ${worst} s, memory: $(rss)"
