#!/usr/bin/env bash
# The project's test command (see README): every suite, with a summary of what ran, what was skipped and why.
# Suites that need real nginx fail (never skip) when it is missing. The Pulumi suites run when the Pulumi
# packages restore, and are reported as skipped with the reason when they do not.
set -uo pipefail
cd "$(dirname "$0")/.."

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
ran=() skipped=() failed_suites=() failed_tests=()
total_passed=0 total_failed=0 total_skipped=0

if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ] && [ -z "${REALTIME_NGINX:-}" ]; then
  echo "error: nginx is not installed; the end-to-end suites need it. Install it: apt-get install -y nginx-light" >&2
  exit 1
fi
for tool in curl jq; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "error: $tool is not installed; the documented commands (run by the Cli suite) use it. Install it: apt-get install -y $tool" >&2
    exit 1
  fi
done
if ! command -v ss >/dev/null 2>&1; then
  echo "error: ss is not installed; the end-to-end suite reads nginx's listen backlogs from the kernel with it. Install it: apt-get install -y iproute2" >&2
  exit 1
fi

run_suite() { # name project [extra dotnet test arguments]
  local name=$1 project=$2 log="$results/$1.log"
  shift 2
  echo "=== suite $name ($project)"
  dotnet test "$project" --nologo -v quiet --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]}
  # Sum the per-assembly summary lines: "Failed!  - Failed: 1, Passed: 2, Skipped: 0, Total: 3".
  local p f s
  p=$(grep -Eo 'Passed: +[0-9]+' "$log" | grep -Eo '[0-9]+' | paste -sd+ | bc 2>/dev/null || echo 0)
  f=$(grep -Eo 'Failed: +[0-9]+' "$log" | grep -Eo '[0-9]+' | paste -sd+ | bc 2>/dev/null || echo 0)
  s=$(grep -Eo 'Skipped: +[0-9]+' "$log" | grep -Eo '[0-9]+' | paste -sd+ | bc 2>/dev/null || echo 0)
  total_passed=$((total_passed + ${p:-0})); total_failed=$((total_failed + ${f:-0})); total_skipped=$((total_skipped + ${s:-0}))
  if [ "$rc" -ne 0 ]; then failed_suites+=("$name"); fi
  # Each failed test by name with the first line of its message, so the summary (all a CI tail may show) says what broke.
  local failure
  while IFS= read -r failure; do failed_tests+=("$name: $failure"); done < <(awk '
    /^[[:space:]]+Failed [A-Za-z_]/ { if (test != "") print test; sub(/^[[:space:]]+Failed /, ""); test = $0; next }
    test != "" && /^[[:space:]]+Error Message:/ { getline; gsub(/^[[:space:]]+/, ""); print test " -- " substr($0, 1, 300); test = "" }
    END { if (test != "") print test }' "$log")
  if [ "${p:-0}" -eq 0 ] && [ "${f:-0}" -eq 0 ]; then failed_suites+=("$name (ran no test)"); fi
  ran+=("$name: ${p:-0} passed, ${f:-0} failed, ${s:-0} skipped")
}

pulumi_restores=yes
for suite in tests/*/; do
  name=$(basename "$suite")
  project="$suite$name.csproj"
  [ -f "$project" ] || continue
  if [ "$name" = "RealtimeStack.Components.Tests" ] || [ "$name" = "RealtimeStack.Provider.Tests" ]; then
    # The Pulumi SDK packages come from the NuGet registry; one without them cannot build these suites
    # (the mocks suite, and the provider plugin that the gRPC suite runs).
    if ! dotnet restore "$project" --nologo -v quiet >"$results/restore.log" 2>&1; then
      missing=$(grep -Eo "Unable to find package Pulumi(\.[A-Za-z]+)?" "$results/restore.log" | sed 's/Unable to find package //' | sort -u | paste -sd, -)
      if [ -n "$missing" ]; then
        pulumi_restores=no
        skipped+=("$name: the Pulumi packages do not restore here (missing: $missing). Run it where the public NuGet registry is reachable, or set RestoreAdditionalProjectSources to a folder that has them.")
        continue
      fi
      cat "$results/restore.log"; failed_suites+=("$name (restore failed)"); continue
    fi
  fi
  run_suite "$name" "$project"
done

# The NuGet packages: pack the components, then a C# consumer restores them like any package (no project
# reference) into a throwaway package folder, so a stale cache cannot hide a broken package.
consumer=tests/package-consumer/RealtimeStack.PackageConsumer.Tests.csproj
if [ "$pulumi_restores" = no ]; then
  skipped+=("RealtimeStack.PackageConsumer.Tests: the package depends on the Pulumi packages, which do not restore here.")
else
  echo "=== packing RealtimeStack.Edge and RealtimeStack.Components (tools/pack.sh, as the README shows)"
  packages="$results/packages"
  if ./tools/pack.sh "$packages" >"$results/pack.log" 2>&1; then
    cat "$results/pack.log"
    sources="$packages${RestoreAdditionalProjectSources:+%3B$RestoreAdditionalProjectSources}"
    run_suite RealtimeStack.PackageConsumer.Tests "$consumer" "-p:RestoreAdditionalProjectSources=$sources" "-p:RestorePackagesPath=$results/consumer-packages"
    # The README's C# program, built from the packages as a user builds it.
    echo "=== building examples/csharp against the packed packages"
    if dotnet build examples/csharp --nologo -v quiet "-p:RestoreAdditionalProjectSources=$sources" "-p:RestorePackagesPath=$results/consumer-packages" >"$results/example.log" 2>&1; then
      ran+=("examples/csharp: built against the packed packages")
    else
      cat "$results/example.log"; failed_suites+=("examples/csharp (build)")
    fi
    # The edge command line as the .NET tool the README installs, run from the repository as a user runs it.
    echo "=== installing the edge tool from the packed packages"
    if dotnet tool install --tool-path "$results/tools" --add-source "$packages" RealtimeStack.Edge.Cli --version "$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props)" >"$results/tool.log" 2>&1 \
      && "$results/tools/edge" --help >>"$results/tool.log" 2>&1 \
      && "$results/tools/edge" render --stack dev >"$results/tool-render.conf" 2>>"$results/tool.log" \
      && grep -q "server_name localhost;" "$results/tool-render.conf"; then
      ran+=("edge tool: installed with dotnet tool install, edge --help and edge render --stack dev ran")
    else
      cat "$results/tool.log"; failed_suites+=("edge tool (install or run)")
    fi
  else
    cat "$results/pack.log"; failed_suites+=("dotnet pack")
  fi
fi

# The code as dotnet format writes it (whitespace, the .editorconfig's style): a change it would make fails.
echo "=== dotnet format --verify-no-changes"
if [ "$pulumi_restores" = yes ]; then
  format_targets=(RealtimeStack.sln)
else
  # Without the Pulumi packages the projects that need them cannot load; the others are checked.
  format_targets=(components/RealtimeStack.Edge samples/RealtimeStack.SampleBackends tools/edge tools/local tools/bench tests/RealtimeStack.Edge.Tests tests/RealtimeStack.Cli.Tests)
fi
format_ok=yes
for target in "${format_targets[@]}"; do
  dotnet format "$target" --verify-no-changes -v quiet >>"$results/format.log" 2>&1 || format_ok=no
done
if [ "$format_ok" = yes ]; then
  ran+=("format: dotnet format --verify-no-changes on ${format_targets[*]} changes nothing")
else
  cat "$results/format.log"; failed_suites+=("format (run dotnet format on ${format_targets[*]} and commit the result)")
fi

echo
echo "=== summary"
# The end-to-end suites run on each of these (see tests/Shared/Nginx/InstalledNginx.cs).
nginx_builds=()
for candidate in "${REALTIME_NGINX:-}" "$(command -v nginx 2>/dev/null)" /usr/sbin/nginx ../shared/nginx/*/sbin/nginx; do
  [ -n "$candidate" ] && [ -x "$candidate" ] || continue
  nginx_builds+=("$("$candidate" -v 2>&1 | sed 's/^nginx version: //') ($(readlink -f "$candidate"))")
done
printf '%s\n' "${nginx_builds[@]}" | sort -u | sed 's/^/nginx:   /'
for line in "${ran[@]}"; do echo "ran:     $line"; done
for line in "${skipped[@]}"; do echo "skipped: $line"; done
for line in "${failed_suites[@]}"; do echo "FAILED:  $line"; done
for line in "${failed_tests[@]}"; do echo "failed test: $line"; done
echo "$total_passed passed, $total_failed failed, $total_skipped skipped"
[ ${#failed_suites[@]} -eq 0 ]
