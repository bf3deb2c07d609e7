#!/usr/bin/env bash
# Fetches the official ONNX Runtime native library (the managed NuGet packages are not reachable
# here): `npm pack` of the pinned onnxruntime-node release, never its install scripts, checked
# against pinned SHA-256 sums, unpacked to .local/onnxruntime/libonnxruntime.so.1.
set -euo pipefail

version=1.30.0
package_sha256=6e3390d6b783e7be946fad629292799da28d0b42f84856e50d2c1b0383291e75
library_sha256=ffb75a925ba05e47b235bb66e3e3911714a80b328a9c9425539feb204aa32a23

root=$(cd "$(dirname "$0")/.." && pwd)
target="$root/.local/onnxruntime"
library="$target/libonnxruntime.so.1"

if [ -f "$library" ] && echo "$library_sha256  $library" | sha256sum --check --status; then
  exit 0
fi

case "$(uname -m)" in
  x86_64) arch=x64 ;;
  *) echo "onnxruntime: only linux x64 is pinned here (found $(uname -m))" >&2; exit 1 ;;
esac

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "onnxruntime: fetching onnxruntime-node@$version (npm pack, no install scripts)"
(cd "$work" && npm pack "onnxruntime-node@$version" --ignore-scripts --silent >/dev/null)
echo "$package_sha256  $work/onnxruntime-node-$version.tgz" | sha256sum --check --status \
  || { echo "onnxruntime: SHA-256 of onnxruntime-node-$version.tgz does not match the pinned sum" >&2; exit 1; }
tar -xzf "$work/onnxruntime-node-$version.tgz" -C "$work" "package/bin/napi-v6/linux/$arch/libonnxruntime.so.1"
echo "$library_sha256  $work/package/bin/napi-v6/linux/$arch/libonnxruntime.so.1" | sha256sum --check --status \
  || { echo "onnxruntime: SHA-256 of libonnxruntime.so.1 does not match the pinned sum" >&2; exit 1; }
mkdir -p "$target"
install -m 0644 "$work/package/bin/napi-v6/linux/$arch/libonnxruntime.so.1" "$library"
echo "onnxruntime: $library ($version)"
