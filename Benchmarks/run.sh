#!/usr/bin/env bash
# Builds the SDK benchmarks in release and runs them with the malloc interposer preloaded,
# so every figure comes with its allocation count. Usage: Benchmarks/run.sh [iterations]
set -euo pipefail
cd "$(dirname "$0")"
swift build -c release --product LoupeSDKBenchmarks
bin="$(swift build -c release --show-bin-path)"
LD_PRELOAD="$bin/libMallocInterposerSwift.so" "$bin/LoupeSDKBenchmarks" "$@"
