# Sourced by bench/atlas.sh and bench/atlas_projection.sh: the binary, the national table,
# a scratch folder removed on exit, and the 12-LAD sample both measure.
# Usage (in a script): source "$(dirname "$0")/atlas_common.sh" "${1:-}"
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$here/build/release}"
cli="$build/bin/cohesion"
data="${COHESION_SHARED_DATA:-$here/../shared/data}"
table="$data/ew2011_oa_ethnicity.csv.gz"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
subset="LAD=Bedford,Luton,Birmingham,Leeds,Tower Hamlets,Cornwall,Cardiff,Rutland,City of London,Bradford,Newham,Oxford"
subset_oas=$(zcat "$table" | /usr/bin/python3 -c '
import csv,sys
want=set(sys.argv[1].split("=",1)[1].split(","))
print(sum(1 for r in csv.DictReader(sys.stdin) if r["LAD"] in want))' "$subset")
