#!/usr/bin/env bash
# Scale benchmark: scan time, time per file and peak memory of `bulkhead scan`
# on synthetic monorepos of 10k, 50k and 100k files (bench/gen-monorepo).
#
#   bench/scale.sh [SIZE...]
#
# SIZES default to 10000 50000 100000. Repositories are generated once under
# target/scale/<N> (delete them to regenerate; SCALE_DIR overrides the place).
# Builds the `dist` binary (what users install) first (skip with
# BULKHEAD=/path/to/bulkhead).
# Each size is scanned RUNS times (default 3) after one warm-up run that
# fills the page cache; medians are printed, with the time per file relative
# to the smallest size (linear growth is 1.0x).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 50000 100000)
runs=${RUNS:-3}
dir=${SCALE_DIR:-$here/target/scale}
if [ -z "${BULKHEAD:-}" ]; then
  (cd "$here" && cargo build --profile dist --quiet)
  BULKHEAD=$here/target/dist/bulkhead
fi
command -v /usr/bin/time >/dev/null || { echo "needs GNU time (/usr/bin/time)" >&2; exit 2; }
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)"
echo "binary:  $BULKHEAD"
printf '%-8s %8s %10s %10s %12s %10s %9s\n' files scanned "wall s" "ms/file" "vs smallest" "peak MiB" findings
base=""
for n in "${sizes[@]}"; do
  repo=$dir/$n
  if [ ! -d "$repo" ]; then
    "$here/bench/gen-monorepo" "$n" "$repo" >/dev/null
  fi
  "$BULKHEAD" scan "$repo" --format json --output "$tmp.json" >/dev/null 2>&1 || true
  read -r scanned findings < <(python3 -c "
import json,sys
d=json.load(open(sys.argv[1])); s=d['summary']
print(sum(s['files_scanned'].values()) + s.get('files_failed', 0), s['findings'])" "$tmp.json")
  ts=(); ms=()
  for _ in $(seq "$runs"); do
    /usr/bin/time -f '%e %M' -o "$tmp" "$BULKHEAD" scan "$repo" --format sarif --output /dev/null >/dev/null 2>&1 || true
    read -r t m < <(tail -n 1 "$tmp")
    ts+=("$t"); ms+=("$m")
  done
  t=$(median "${ts[@]}"); m=$(median "${ms[@]}")
  per=$(awk -v t="$t" -v n="$n" 'BEGIN { printf "%.4f", 1000 * t / n }')
  [ -n "$base" ] || base=$per
  rel=$(awk -v p="$per" -v b="$base" 'BEGIN { printf "%.2fx", p / b }')
  printf '%-8s %8s %10s %10s %12s %10s %9s\n' "$n" "$scanned" "$t" "$per" "$rel" "$((m / 1024))" "$findings"
done
