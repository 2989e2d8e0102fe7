#!/usr/bin/env bash
# Projection of the 200-replicate national atlas from a few small runs (BENCHMARKS.md,
# "National atlas: 200 replicates, projected"), for a shared machine where the full run is
# not wanted. Measures CPU seconds (user + sys, so other load does not inflate them) of
# `cohesion atlas` on a sample of LADs with 0, 25 and 50 bootstrap replicates, fits
# cost = fixed + replicates × per-replicate (per output area), and projects the national
# atlas at 200 replicates. Also measures the national change table and the national 2021
# atlas without bootstrap. Prints the command that measures the real thing.
# Usage: bench/atlas_projection.sh [BUILD_DIR] (default build/release). Needs ../shared/data.
source "$(dirname "$0")/atlas_common.sh" "${1:-}"
cd "$here"  # data/schemes for the change table

# "wall cpu" of one run (cpu = user + sys of the process and its threads).
measure() {
    /usr/bin/time -f "%e %U %S" -o "$out/time" "$@" >/dev/null 2>"$out/err" || { cat "$out/err"; exit 1; }
    awk '{printf "%.2f %.2f\n", $1, $2 + $3}' "$out/time"
}

national_oas=181408
echo "sample: 12 LADs, $subset_oas of $national_oas OAs; 20 randomisation replicates (the default) in every run"
declare -A cpu
for b in 0 25 50; do
    read -r wall c < <(measure "$cli" atlas "$table" --where "$subset" --bootstrap "$b" --measures \
        dissimilarity,isolation,mutual_information,decomposition --boundaries none --out "$out/b$b")
    cpu[$b]=$c
    echo "  --bootstrap $b: wall $wall s, cpu $c s"
done
/usr/bin/python3 - "${cpu[0]}" "${cpu[25]}" "${cpu[50]}" "$subset_oas" "$national_oas" <<'PY'
import sys
c0, c25, c50, n, N = map(float, sys.argv[1:])
# least-squares slope through (0, c0), (25, c25), (50, c50): cpu s per replicate, sample
per_rep = ((0 - 25) * (c0 - (c0 + c25 + c50) / 3) + (25 - 25) * 0 + (50 - 25) * (c50 - (c0 + c25 + c50) / 3)) / (2 * 25 ** 2)
per_rep_oa = per_rep / n * 1e3                              # cpu ms per replicate per OA
fixed_national = c0 * N / n   # no-bootstrap cost scaled by OAs (over-counts the table load: conservative)
projected = fixed_national + 200 * per_rep * N / n
print(f"  per replicate: {per_rep:.3f} cpu s for the sample = {per_rep_oa:.4f} cpu ms per OA")
print(f"  PROJECTION (not measured): national, 200 replicates = {fixed_national:.0f} + 200 x "
      f"{per_rep * N / n:.2f} = {projected:.0f} cpu s; on 2 cores ~ {projected / 2 / 60:.1f} min wall "
      f"if both cores are free (target <= 15 min)")
PY
read -r wall c < <(measure "$cli" atlas "$table" --measures change --randomisation 0 --boundaries none --out "$out/change")
echo "national change table 2011 -> 2021 (348 LADs, --measures change): wall $wall s, cpu $c s"
read -r wall c < <(measure "$cli" atlas --census 2021 --randomisation 0 --boundaries none --out "$out/a2021")
echo "national 2021 atlas (331 LTLAs x 5 groups, no bootstrap, no randomisation): wall $wall s, cpu $c s"
echo "the full measurement (minutes; run on a quiet machine):"
echo "  /usr/bin/time -v $cli atlas $table --bootstrap 200 --out /tmp/atlas200"
