#!/usr/bin/env bash
# Parallel efficiency of `cohesion simulate --sweep` (BENCHMARKS.md, "Scenario sweeps over MPI"):
#   1. the start-up alone (town loading, scenario resolution: --replicates 1 --years 4), the
#      serial part every rank pays;
#   2. one process, one thread (t1);
#   3. mpirun -n 2, one thread per rank (t2): parallel efficiency = t1 / (2 · t2);
#   4. the per-unit cost and the bytes gathered, for the paper projection to 64 ranks.
# Work: Bedford (117 areas, ~75,000 households), the baseline and the two [[scenario]] blocks
# of data/bedford/bedford.toml, 10 years, R replicates (default 10): 3 · R work units.
# Usage: bench/simulation_sweep.sh [BUILD_DIR] [REPLICATES] (default build/release, 10).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$here/build/release}"
replicates="${2:-10}"
cli="$build/bin/cohesion"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
sweep=(simulate --sweep --data "$here/data" --scenarios "$here/data/bedford/bedford.toml" --threads 1 --format csv)

seconds() { local s e; s=$(date +%s.%N); "$@" >"$out/stdout" 2>"$out/err" || { cat "$out/err" >&2; exit 1; }; e=$(date +%s.%N); echo "$e - $s" | bc; }

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
t0=$(seconds "$cli" "${sweep[@]}" --replicates 1 --years 4)
echo "1. start-up (load Bedford, resolve scenarios, 3 units of 4 years): ${t0} s"
t1=$(seconds "$cli" "${sweep[@]}" --replicates "$replicates" --years 10)
cp "$out/stdout" "$out/threads.csv"
units=$((3 * replicates))
echo "2. one process, one thread, $units units × 10 years: ${t1} s"
echo "   per unit: $(echo "scale=3; ($t1 - $t0) / $units" | bc) s"
if command -v mpirun >/dev/null; then
  m1=$(seconds mpirun --oversubscribe -n 1 "$cli" "${sweep[@]}" --replicates "$replicates" --years 10)
  echo "   mpirun -n 1 (runs as the threads path, 1 thread): ${m1} s"
  t2=$(seconds mpirun --oversubscribe -n 2 "$cli" "${sweep[@]}" --replicates "$replicates" --years 10)
  cmp -s "$out/stdout" "$out/threads.csv" && same="identical" || same="DIFFERENT"
  echo "3. mpirun -n 2, 1 thread per rank: ${t2} s (output $same to the one-process run)"
  grep "work unit" "$out/err" | sed 's/^/   /'
  echo "   parallel efficiency t1 / (2 t2) = $(echo "scale=2; $t1 / (2 * $t2)" | bc)"
fi
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
