#!/usr/bin/env bash
# The national view's server costs (BENCHMARKS.md "National view"): start-up of
# `cohesion serve --atlas DIR --national` (reads the national OA table and the town
# directory), /api/town for a few towns (first: built from the national tables; again:
# cached), and /api/atlas as GeoJSON (size, time).
#   bench/national_view.sh BUILD_DIR ATLAS_DIR [PORT]
# ATLAS_DIR: a finished atlas (`cohesion atlas --out ATLAS_DIR`). Loopback only.
set -euo pipefail
build=${1:?build dir}; atlas=${2:?atlas folder}; port=${3:-18799}
bin=$build/bin/cohesion
start=$(date +%s.%N)
"$bin" serve --port "$port" --atlas "$atlas" --national >/tmp/national_view_serve.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do curl -sf "127.0.0.1:$port/api/health" >/dev/null && break; sleep 0.05; done
echo "start-up: $(echo "$(date +%s.%N) - $start" | bc) s"
for town in Bedford Luton Birmingham Cornwall Bedford; do
  curl -s -o /dev/null -w "/api/town?name=$town: %{time_total} s, HTTP %{http_code}\n" "127.0.0.1:$port/api/town?name=$town"
done
curl -s -o /dev/null -w "/api/atlas geojson (dissimilarity, Pakistani): %{size_download} bytes, %{time_total} s\n" \
  "127.0.0.1:$port/api/atlas?measure=dissimilarity&group=Pakistani&format=geojson"
curl -s -o /dev/null -w "/api/atlas geojson again (cached): %{time_total} s\n" \
  "127.0.0.1:$port/api/atlas?measure=dissimilarity&group=Pakistani&format=geojson"
echo "resident memory: $(ps -o rss= -p $pid) kB"
