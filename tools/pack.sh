#!/usr/bin/env bash
# Packs the NuGet packages RealtimeStack.Edge and RealtimeStack.Components into a folder (default ./packages), for a
# program that consumes them by PackageReference (see examples/csharp). Extra arguments go to dotnet pack.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-./packages}
shift || true
for project in components/RealtimeStack.Edge components/RealtimeStack.Components; do
  dotnet pack "$project" -o "$out" --nologo -v quiet "$@"
done
ls "$out"
