#!/usr/bin/env bash
# `cohesion run` on the bundled Bedford project against the pipeline it replaced: the same
# analyses as separate commands (the list `run --dry-run` prints — each reads its inputs
# again, as the old argv-building `run` did in-process). Both write the same data (the
# CliRun test checks it). Prints wall seconds of each, side by side in one session, and the
# load average.
#   bench/run_pipeline.sh [BUILD_DIR]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="${1:-$root/build/release}/bin/cohesion"
project="$root/data/bedford/bedford.toml"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

start=$(date +%s.%N)
"$bin" run "$project" --output "$work/run" --quiet >/dev/null 2>&1
run_seconds=$(echo "$(date +%s.%N) - $start" | bc)

mkdir -p "$work/commands"
"$bin" run --dry-run "$project" --output "$work/commands" 2>/dev/null > "$work/commands.txt"
start=$(date +%s.%N)
while IFS= read -r line; do
  eval "\"$bin\" ${line#cohesion }" >/dev/null 2>&1
done < "$work/commands.txt"
commands_seconds=$(echo "$(date +%s.%N) - $start" | bc)

echo "cohesion run (Study: inputs read once, in-process): ${run_seconds} s"
echo "the same steps as separate commands ($(wc -l < "$work/commands.txt") commands): ${commands_seconds} s"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
