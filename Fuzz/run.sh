#!/usr/bin/env bash
# Builds the fuzz harnesses with libFuzzer and runs each for a number of executions, starting from the
# committed seeds (real instrumentations' requests, see make-seeds.py). New inputs the fuzzer finds go
# to a working corpus outside the repository; a crash leaves its input as crash-* in the current folder.
#   Fuzz/run.sh                 10 million executions per harness
#   Fuzz/run.sh 1000000 FuzzJSON
#   LOUPE_FUZZ_ARGS=-max_len=4096 Fuzz/run.sh     more libFuzzer flags (smaller inputs run faster)
set -euo pipefail
cd "$(dirname "$0")"
runs="${1:-10000000}"
shift || true
harnesses=("${@:-FuzzProtobuf FuzzJSON FuzzGzipBody}")
swift build -c release --scratch-path ../.build-fuzz -Xswiftc -sanitize=fuzzer
bin="$(swift build -c release --scratch-path ../.build-fuzz -Xswiftc -sanitize=fuzzer --show-bin-path)"
work="${LOUPE_FUZZ_CORPUS:-${TMPDIR:-/tmp}/loupe-fuzz-corpus}"
for harness in ${harnesses[@]}; do
    case "$harness" in
        FuzzProtobuf) seeds=Seeds/protobuf ;;
        FuzzJSON) seeds=Seeds/json ;;
        FuzzGzipBody) seeds=Seeds/gzip ;;
        *) echo "unknown harness $harness (FuzzProtobuf, FuzzJSON, FuzzGzipBody)" >&2; exit 64 ;;
    esac
    mkdir -p "$work/$harness"
    echo "== $harness: $runs executions from $seeds"
    "$bin/$harness" "$work/$harness" "$seeds" -runs="$runs" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 ${LOUPE_FUZZ_ARGS:-}
done
