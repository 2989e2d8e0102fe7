#!/usr/bin/env bash
# Benchmarks of `cohesion atlas` (BENCHMARKS.md, "National atlas"):
#   1. the whole national atlas (348 LADs) without bootstrap, threads only;
#   2. with 200 bootstrap replicates per LAD on a measured subset of LADs (--where), so the
#      national time is extrapolated from the subset's share of output areas;
#   3. 1 → 2 MPI ranks on the same subset (parallel efficiency = t1 / (2 · t2));
#   4. the per-unit cost and the gather volume (bytes of the encoded units) for the paper
#      projection to 64 ranks.
# Usage: bench/atlas.sh [BUILD_DIR] (default build/release). Needs ../shared/data.
source "$(dirname "$0")/atlas_common.sh" "${1:-}"
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1

seconds() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>"$out/err" || { cat "$out/err"; exit 1; }; e=$(date +%s.%N); echo "$e - $s" | bc; }

echo "1. national atlas, no bootstrap (20 randomisation replicates), threads:"
t=$(seconds "$cli" atlas "$table" --out "$out/national")
echo "   ${t} s"
echo "   national without randomisation: $(seconds "$cli" atlas "$table" --randomisation 0 --out "$out/national0") s"

echo "2. 200 bootstrap replicates, subset of $subset_oas OAs (of 181408):"
t200=$(seconds "$cli" atlas "$table" --where "$subset" --bootstrap 200 --boundaries none --out "$out/b200")
echo "   ${t200} s; national extrapolated by OAs: $(echo "$t200 * 181408 / $subset_oas" | bc) s"

if command -v mpirun >/dev/null; then
  echo "3. MPI, subset, 50 bootstrap replicates, 1 thread per rank (strong scaling):"
  t1=$(seconds mpirun --oversubscribe -n 1 "$cli" atlas "$table" --where "$subset" --bootstrap 50 --threads 1 --boundaries none --out "$out/m1")
  t2=$(seconds mpirun --oversubscribe -n 2 "$cli" atlas "$table" --where "$subset" --bootstrap 50 --threads 1 --boundaries none --out "$out/m2")
  echo "   1 rank ${t1} s, 2 ranks ${t2} s, efficiency $(echo "scale=2; $t1 / (2 * $t2)" | bc)"
  t2t=$(seconds mpirun --oversubscribe -n 2 "$cli" atlas "$table" --where "$subset" --bootstrap 50 --boundaries none --out "$out/m2t")
  echo "   for comparison: threads only (2 threads) $(seconds "$cli" atlas "$table" --where "$subset" --bootstrap 50 --boundaries none --out "$out/m0") s; 2 ranks x 2 threads ${t2t} s"
  cmp -s "$out/m1/dissimilarity.csv" "$out/m2/dissimilarity.csv" && echo "   outputs identical"
fi
echo "4. per-unit cost: see 2 (seconds / LADs); output sizes (the gathered units are larger: they carry the replicates):"
du -b "$out/b200"/*.csv | sed 's/^/   /'
