#!/usr/bin/env bash
# Packs the NuGet packages RealtimeStack.Edge and RealtimeStack.Components (for a program that consumes them by
# PackageReference, see examples/csharp) and the edge command line as a .NET tool (RealtimeStack.Edge.Cli) into a
# folder (default ./packages). Extra arguments go to dotnet pack.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-./packages}
shift || true
for project in components/RealtimeStack.Edge components/RealtimeStack.Components tools/edge; do
  dotnet pack "$project" -o "$out" --nologo -v quiet "$@"
done
ls "$out"
