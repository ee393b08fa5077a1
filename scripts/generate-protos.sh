#!/usr/bin/env bash
# Regenerates Sources/LoupeOTLP/Generated from the .proto subset in Sources/LoupeOTLP/Proto.
# Needs `protoc` (Debian: protobuf-compiler); builds protoc-gen-swift from the swift-protobuf dependency.
# The output is committed: the build never runs this.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v protoc >/dev/null || { echo "protoc not found: apt-get install protobuf-compiler" >&2; exit 1; }
swift build --product protoc-gen-swift >/dev/null
plugin="$(swift build --show-bin-path)/protoc-gen-swift"
src=Sources/LoupeOTLP/Proto
out=Sources/LoupeOTLP/Generated
rm -rf "$out" && mkdir -p "$out"
protos=$(cd "$src" && find . -name '*.proto' | sed 's|^\./||' | sort)
(cd "$src" && protoc --plugin=protoc-gen-swift="$plugin" --swift_out="../Generated" \
    --swift_opt=Visibility=Public --swift_opt=FileNaming=PathToUnderscores $protos)
echo "generated: $(ls "$out" | tr '\n' ' ')"
