#!/usr/bin/env bash
# Fuzzes every reader with libFuzzer + AddressSanitizer (issue 17).
# Usage: Fuzz/run.sh SECONDS [TARGET...]   (default: every target; `make fuzz`, `make fuzz-smoke`)
# Builds into .build-fuzz/, seeds each target from the test fixtures and the shipped graph (and
# their exports in every format), keeps the growing corpus in .build-fuzz/corpus/TARGET, and writes
# a crashing input to .build-fuzz/artifacts/. Exits non-zero on the first finding.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:?usage: Fuzz/run.sh SECONDS [TARGET...]}; shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(graphml gexf nodelink cytoscape csv yaml cache)
scratch=.build-fuzz

flags=(-Xswiftc -O -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -DKGRAPH_FUZZ
       -Xcc -fsanitize=fuzzer-no-link,address)
bin="$(swift build --scratch-path "$scratch" --show-bin-path "${flags[@]}")"
# SwiftPM's own link of the program fails: it defines `main` as the program's entry point, and
# -sanitize=fuzzer links libFuzzer's main too. So the objects are built by SwiftPM and linked here
# against libFuzzer without its main (the entry point calls LLVMFuzzerRunDriver).
mkdir -p "$scratch"
swift build --scratch-path "$scratch" --product kgraph-fuzz "${flags[@]}" >"$scratch/build.log" 2>&1 || true
grep -E "error: .*(swift|\.c):" "$scratch/build.log" >&2 && { echo "fuzz: the build failed ($scratch/build.log)" >&2; exit 2; }
[ -f "$bin/kgraph-fuzz.product/Objects.LinkFileList" ] || { tail -20 "$scratch/build.log" >&2; exit 2; }
runtime="$(dirname "$(command -v swiftc)")/../lib/swift/clang/lib/linux/libclang_rt.fuzzer_no_main-$(uname -m).a"
fuzzer="$bin/kgraph-fuzz"
rm -f "$fuzzer"
swiftc -L "$bin" -o "$fuzzer" -module-name kgraph_fuzz -emit-executable -Xlinker --defsym -Xlinker main=kgraph_fuzz_main \
  @"$bin/kgraph-fuzz.product/Objects.LinkFileList" -g -sanitize=address "$runtime" -lstdc++ -use-ld=lld 2>&1 \
  | grep -v "Cannot export local symbol" >&2 || true
[ -x "$fuzzer" ] || { echo "fuzz: linking $fuzzer failed" >&2; exit 2; }

# Seeds: native files, what kgraph's writers make of them, and other tools' files where present.
rm -rf "$scratch/seeds"
ASAN_OPTIONS=detect_leaks=0 "$fuzzer" seeds "$scratch/seeds" Tests/CLITests/Fixtures/*.yaml Graphs/*.yaml
for f in graphml gexf; do
  for dir in Tests/Fixtures/corpus/$f ../shared/corpus/$f; do
    [ -d "$dir" ] && find "$dir" -maxdepth 1 -type f -size -256k -exec cp {} "$scratch/seeds/$f/" \;
  done
done
mkdir -p "$scratch/artifacts"

printf '%-10s %8s %12s %8s %8s %s\n' target seconds executions exec/s cov features
for t in "${targets[@]}"; do
  mkdir -p "$scratch/corpus/$t"
  log="$scratch/$t.log"
  start=$(date +%s)
  if ! ASAN_OPTIONS=detect_leaks=0:allocator_may_return_null=1 "$fuzzer" "$t" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
        -artifact_prefix="$scratch/artifacts/$t-" "$scratch/corpus/$t" "$scratch/seeds/$t" >"$log" 2>&1; then
    tail -40 "$log" >&2
    echo "fuzz: $t found a problem; the input is in $scratch/artifacts/ (replay: $fuzzer $t FILE)" >&2
    exit 1
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
  cov=$(grep -oE 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -1)
  printf '%-10s %8s %12s %8s %8s %s\n' "$t" "$(( $(date +%s) - start ))" "$runs" "$speed" \
    "$(echo "$cov" | awk '{print $2}')" "$(echo "$cov" | awk '{print $4}')"
done
