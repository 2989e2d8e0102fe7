#!/usr/bin/env bash
# `cohesion run` on the bundled Bedford project against the ways it was done before, side by
# side in one session (3 rounds, wall seconds each, and the load average):
#   1. `cohesion run` (a Study: inputs read once, steps side by side in-process);
#   2. the same steps as separate commands (the list `run --dry-run` prints; each reads its
#      inputs again, as the argv-building `run` did in-process; both write the same data, the
#      CliRun test checks it);
#   3. with OLD_CHECKOUT (a checkout of the commit before issue 12's pipeline, d549f1d, built in
#      OLD_CHECKOUT/build): that version's `cohesion run` on its own bundled project (fewer
#      analyses than today's: no residual group, place names, what-if or national comparison),
#      and today's `run` on that same old project file (the same analyses, like for like).
#   bench/run_pipeline.sh [BUILD_DIR] [OLD_CHECKOUT] [ROUNDS]    (ROUNDS default 3)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="${1:-$root/build/release}/bin/cohesion"
old="${2:-}"
rounds="${3:-3}"
project="$root/data/bedford/bedford.toml"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

seconds() {  # seconds of one command, its output discarded
  local start
  start=$(date +%s.%N)
  "$@" >/dev/null 2>&1
  echo "$(date +%s.%N) - $start" | bc
}

"$bin" run --dry-run "$project" --output "$work/commands" 2>/dev/null > "$work/commands.txt"
commands() {
  rm -rf "$work/commands" && mkdir -p "$work/commands"
  while IFS= read -r line; do
    eval "\"$bin\" ${line#cohesion }" >/dev/null 2>&1
  done < "$work/commands.txt"
}

for round in $(seq "$rounds"); do
  echo "round $round:"
  echo "  cohesion run (Study): $(seconds "$bin" run "$project" --output "$work/run" --quiet) s"
  start=$(date +%s.%N); commands; echo "  the same steps as $(wc -l < "$work/commands.txt") separate commands: $(echo "$(date +%s.%N) - $start" | bc) s"
  if [[ -n "$old" ]]; then
    echo "  before issue 12 ($(git -C "$old" rev-parse --short HEAD)), its own project: $(seconds "$old/build/bin/cohesion" run "$old/data/bedford/bedford.toml" --output "$work/old") s"
    echo "  today's run on that old project: $(seconds "$bin" run "$old/data/bedford/bedford.toml" --output "$work/new_on_old" --quiet) s"
  fi
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
