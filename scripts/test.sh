#!/usr/bin/env bash
# Runs every test of the repository on a machine that has only the .NET SDK and Node/npm:
#   1. build in Release (warnings are errors) and check formatting (dotnet format --verify-no-changes);
#   2. unit and integration tests (xUnit v3; real DuckDB files, the real CLI process for end-to-end tests);
#   3. scripts/compare-ccusage.sh, which installs ccusage@20.0.24 from npm and compares it with us on one corpus.
# The last line is the total: "N passed, N failed, N skipped". Exit code 0 only when nothing failed.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export CONFIGURATION=${CONFIGURATION:-Release}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
results="$root/artifacts/test-results"
rm -rf "$results"
passed=0 failed=0 skipped=0

step() { # name, command...: a build-level step counts as one test
  local name=$1; shift
  echo "== $name"
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $name"; fi
}

step "build (Release, warnings as errors)" dotnet build ContextCleaner.slnx -c "$CONFIGURATION" -nologo -v q
step "format (dotnet format --verify-no-changes)" dotnet format ContextCleaner.slnx --verify-no-changes --no-restore -v q

echo "== unit and integration tests"
test_log="$results/dotnet-test.log"
mkdir -p "$results"
dotnet test --solution ContextCleaner.slnx -c "$CONFIGURATION" --no-build --no-progress --results-directory "$results" 2>&1 | tee "$test_log"
summary=$(sed -n '/^Test run summary/,$p' "$test_log")
count() { echo "$summary" | sed -nE "s/^ *$1: ([0-9]+)$/\1/p" | tail -n 1; }
total=$(count total)
if [ -n "$total" ] && [ "$total" -gt 0 ]; then
  passed=$((passed + $(count succeeded)))
  failed=$((failed + $(count failed)))
  skipped=$((skipped + $(count skipped)))
else
  echo "FAILED: the test run printed no summary"
  failed=$((failed + 1))
fi

echo "== ccusage comparison"
compare_out=$(bash scripts/compare-ccusage.sh 2>&1)
echo "$compare_out" | grep -E '^(==|   [0-9]+ passed)' || true
last=$(echo "$compare_out" | tail -n 1)
if [[ "$last" =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
  passed=$((passed + BASH_REMATCH[1])); failed=$((failed + BASH_REMATCH[2]))
else
  echo "$compare_out" | tail -n 20
  echo "FAILED: ccusage comparison did not finish"
  failed=$((failed + 1))
fi

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
