#!/usr/bin/env bash
# Corpus benchmark: wall time and peak memory of `bulkhead scan` on a corpus of
# real repositories, next to the time of simply reading the same files, both
# measured in the same run, interleaved, several times.
#
#   bench/corpus.sh [CORPUS_DIR] [RUNS]
#
# CORPUS_DIR defaults to ../shared/corpus; RUNS to 7. Builds the `dist` binary
# (what users install) first (skip with BULKHEAD=/path/to/bulkhead). Prints
# medians and the ratio.
# With BASELINE=/path/to/another/bulkhead, that binary is measured in the same
# run, interleaved, for before/after comparisons.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
corpus=${1:-$here/../shared/corpus}
runs=${2:-7}
[ -d "$corpus" ] || { echo "no corpus at $corpus" >&2; exit 2; }
if [ -z "${BULKHEAD:-}" ]; then
  (cd "$here" && cargo build --profile dist --quiet)
  BULKHEAD=$here/target/dist/bulkhead
fi
command -v /usr/bin/time >/dev/null || { echo "needs GNU time (/usr/bin/time)" >&2; exit 2; }

# The read floor: walk the tree and read every file the scanner considers, once.
list=$(mktemp)
trap 'rm -f "$list" "$list".*' EXIT
floor=$(mktemp)
cat > "$floor" <<'SH'
find . -type f \( -name '*.tf' -o -name '*.tf.json' -o -name '*.tfvars' -o -name '*.tfvars.json' \
   -o -name '*.hcl' -o -name '*.yaml' -o -name '*.yml' -o -name '*.json' -o -iname 'Dockerfile*' \
   -o -iname '*.dockerfile' -o -iname 'Containerfile*' \) -print0 | xargs -0 cat
SH
trap 'rm -f "$list" "$list".* "$floor"' EXIT
(cd "$corpus" && find . -type f \( -name '*.tf' -o -name '*.tf.json' -o -name '*.tfvars' -o -name '*.tfvars.json' \
   -o -name '*.hcl' -o -name '*.yaml' -o -name '*.yml' -o -name '*.json' -o -iname 'Dockerfile*' \
   -o -iname '*.dockerfile' -o -iname 'Containerfile*' \) -print0) > "$list"
files=$(tr -cd '\0' < "$list" | wc -c)
bytes=$(cd "$corpus" && xargs -0 cat < "$list" | wc -c)

# prints "seconds max_rss_kib": the wall time from bash's microsecond clock
# (GNU time's %e has a resolution of 10 ms, a fifth of the floor), the peak
# memory from GNU time's last line (a non-zero exit adds a line before it).
measure() {
  local t0=$EPOCHREALTIME t1
  /usr/bin/time -f '%M' -o "$list.t" "$@" >/dev/null 2>&1 || true
  t1=$EPOCHREALTIME
  echo "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f", b - a }') $(tail -n 1 "$list.t")"
}

scan_t=(); scan_m=(); read_t=(); read_m=(); base_t=(); base_m=()
# warm the page cache and the binary once
"$BULKHEAD" scan "$corpus" --format json --output /dev/null --threads 0 >/dev/null 2>&1 || true
for _ in $(seq "$runs"); do
  read -r t m < <(cd "$corpus" && measure sh "$floor")
  read_t+=("$t"); read_m+=("$m")
  read -r t m < <(measure "$BULKHEAD" scan "$corpus" --format sarif --output /dev/null)
  scan_t+=("$t"); scan_m+=("$m")
  if [ -n "${BASELINE:-}" ]; then
    read -r t m < <(measure "$BASELINE" scan "$corpus" --format sarif --output /dev/null)
    base_t+=("$t"); base_m+=("$m")
  fi
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
rt=$(median "${read_t[@]}"); st=$(median "${scan_t[@]}"); sm=$(median "${scan_m[@]}")
echo "corpus:        $corpus ($files files, $((bytes / 1024)) KiB)"
echo "machine:       $(nproc) cores, $(uname -sr)"
echo "runs:          $runs (medians)"
echo "read floor:    ${rt} s (find + cat of the same files)"
echo "bulkhead scan: ${st} s, peak RSS $((sm / 1024)) MiB"
awk -v s="$st" -v r="$rt" 'BEGIN { if (r > 0) printf "ratio:         %.2fx the read floor\n", s / r; else print "ratio:         read floor below timer resolution" }'
if [ -n "${BASELINE:-}" ]; then
  bt=$(median "${base_t[@]}"); bm=$(median "${base_m[@]}")
  echo "baseline scan: ${bt} s, peak RSS $((bm / 1024)) MiB ($BASELINE)"
  awk -v s="$bt" -v r="$rt" -v n="$st" 'BEGIN { if (r > 0) printf "baseline:      %.2fx the read floor; this binary takes %.2fx its time\n", s / r, n / s }'
fi
