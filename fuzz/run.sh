#!/usr/bin/env bash
# Run every fuzz target for a while.
#
#   fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]
#
# SECONDS_PER_TARGET defaults to 120; targets default to all of them (hcl,
# yaml, dockerfile, tfvars, config, suppress, pipeline). Needs cargo-fuzz
# (`cargo install cargo-fuzz`) and a nightly toolchain (`cargo +nightly`); with
# only a stable toolchain, set RUSTC_BOOTSTRAP=1 and FUZZ_TOOLCHAIN= (empty).
# Seed corpora come from testdata/ (fuzz/corpus/<target>, created when
# missing); crashes land in fuzz/artifacts/<target>/. Prints executions and
# time per target, and exits 1 if any target found a crash. Leak detection is
# off: the pipeline target builds a rayon pool per input, whose worker threads
# are still exiting when LeakSanitizer looks (a false report, not a leak).
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
secs=${1:-120}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(hcl yaml dockerfile tfvars config suppress pipeline)
toolchain=${FUZZ_TOOLCHAIN-+nightly}
jobs=${FUZZ_JOBS:-1}

seed() { # seed TARGET: copy matching testdata files into the target's corpus
  local t=$1 dir=$here/corpus/$1
  [ -d "$dir" ] && [ -n "$(ls -A "$dir" 2>/dev/null)" ] && return
  mkdir -p "$dir"
  local i=0
  copy() { while IFS= read -r -d '' f; do i=$((i + 1)); cp "$f" "$dir/seed-$i"; done; }
  case $t in
    hcl) find "$repo/testdata" -type f \( -name '*.tf' -o -name '*.hcl' \) -print0 | copy ;;
    tfvars) find "$repo/testdata" -type f -name '*.tfvars' -print0 | copy ;;
    yaml) find "$repo/testdata" -type f \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' \) -print0 | copy ;;
    dockerfile) find "$repo/testdata" -type f -iname '*Dockerfile*' ! -name '*.dockerignore' -print0 | copy ;;
    config)
      find "$repo/testdata" "$repo/tests" -type f -name '*.toml' -print0 | copy
      # The starter file and the README example.
      awk '/^```toml$/{p=1; next} /^```$/{p=0} p' "$repo/README.md" > "$dir/seed-readme"
      sed -n '/^pub const STARTER: &str = r#"/,/^"#;/p' "$repo/src/config.rs" | sed '1s/.*r#"//; $d' > "$dir/seed-starter" ;;
    suppress) grep -rlZ 'bulkhead:ignore\|bulkhead.io/ignore' "$repo/testdata" | copy ;;
    pipeline)
      local sel f
      while IFS= read -r -d '' f; do
        case $f in
          *.tf) sel='\x00' ;; *kustomization.yaml) sel='\x05' ;; *.yaml|*.yml) sel='\x01' ;;
          *Dockerfile*) sel='\x02' ;; *.tfvars) sel='\x03' ;; *terragrunt.hcl) sel='\x04' ;; *) continue ;;
        esac
        i=$((i + 1)); { printf "$sel"; cat "$f"; } > "$dir/seed-$i"
      done < <(find "$repo/testdata/checks" "$repo/testdata/demo" -type f -print0) ;;
  esac
}

# Build once, then run the binaries directly (`cargo fuzz run` would rebuild
# whenever a source file changed in between).
(cd "$here" && cargo $toolchain fuzz build -O) || { echo "build failed" >&2; exit 2; }
bin=$here/target/x86_64-unknown-linux-gnu/release
status=0
printf '%-11s %10s %8s %7s %s\n' target execs seconds exec/s crashes
for t in "${targets[@]}"; do
  seed "$t"
  log=$here/artifacts/$t.log
  mkdir -p "$here/artifacts/$t"
  start=$(date +%s)
  (cd "$here" && "$bin/$t" "corpus/$t" \
      -max_total_time="$secs" -timeout=20 -rss_limit_mb=2048 -max_len=65536 \
      -jobs="$jobs" -workers="$jobs" -print_final_stats=1 -detect_leaks=0 \
      -artifact_prefix="$here/artifacts/$t/" > "$log" 2>&1)
  rc=$?
  end=$(date +%s)
  execs=$(grep -h 'stat::number_of_executed_units' "$log" "$here"/fuzz-*.log 2>/dev/null | awk '{s += $2} END {print s + 0}')
  rm -f "$here"/fuzz-*.log
  crashes=$(find "$here/artifacts/$t" -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'leak-*' \) | wc -l)
  rate=$(( (end - start) > 0 ? execs / (end - start) : 0 ))
  printf '%-11s %10s %8s %7s %s\n' "$t" "$execs" "$((end - start))" "$rate" "$crashes"
  if [ "$rc" -ne 0 ] || [ "$crashes" -gt 0 ]; then status=1; fi
done
exit $status
