#!/usr/bin/env bash
# Runs every test of the repository on a machine that has only the .NET SDK and Node/npm:
#   1. build in Release (warnings are errors) and check formatting (dotnet format --verify-no-changes);
#   2. unit and integration tests (xUnit v3; real DuckDB files, the real CLI process for end-to-end tests);
#   3. scripts/compare-ccusage.sh, which installs ccusage@20.0.24 from npm and compares it with us on one corpus.
# The end-to-end tests run the real Claude Code CLI (@anthropic-ai/claude-code@2.1.328, installed from npm into
# artifacts/claude-code once and reused) against our Anthropic API stub, exporting to `telemetry serve`. ClickHouse tests
# run against a real ClickHouse server that scripts/clickhouse.sh starts (chDB from npm, no Docker) and stops at exit.
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

install_claude_code() {
  local bin="$root/artifacts/claude-code/node_modules/.bin/claude"
  if [ -x "$bin" ] && "$bin" --version 2>/dev/null | grep -q '^2\.1\.328'; then return 0; fi
  mkdir -p "$root/artifacts/claude-code"
  npm install --prefix "$root/artifacts/claude-code" --no-audit --no-fund --loglevel=error @anthropic-ai/claude-code@2.1.328 \
    > "$results/claude-code-npm.log" 2>&1 && "$bin" --version
}
mkdir -p "$results"
step "install Claude Code 2.1.328 (npm, cached in artifacts/claude-code)" install_claude_code
export CLAUDE_CODE_BIN="$root/artifacts/claude-code/node_modules/.bin/claude"

start_clickhouse() {
  local url
  url=$(bash "$root/scripts/clickhouse.sh" start 2> "$results/clickhouse-start.log") || { tail -n 5 "$results/clickhouse-start.log"; return 1; }
  export CONTEXT_CLEANER_TEST_CLICKHOUSE="$url"
  echo "ClickHouse at $url"
}
trap 'bash "$root/scripts/clickhouse.sh" stop' EXIT
step "start a real ClickHouse without Docker (scripts/clickhouse.sh: chDB from npm, cached in artifacts/chdb)" start_clickhouse

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

echo "== native AOT binary gives the managed build's answers"
if ! command -v clang >/dev/null 2>&1 || ! command -v ld.lld >/dev/null 2>&1; then
  echo "installing clang and lld (Native AOT links with them)"
  { apt-get update -qq && apt-get install -y -qq clang lld; } > "$results/apt.log" 2>&1 || echo "apt-get failed: see $results/apt.log"
fi
aot="$root/artifacts/aot"
managed=(dotnet "$root/src/ContextCleaner.Cli/bin/$CONFIGURATION/net10.0/context-cleaner.dll")
if dotnet publish src/ContextCleaner.Cli -c Release -r linux-x64 -p:PublishAot=true -o "$aot" -nologo -v q > "$results/aot-publish.log" 2>&1; then
  work=$(mktemp -d)
  for report in daily weekly monthly session blocks; do
    args=(report "$report" --json -z UTC --source "$root/samples/claude")
    "${managed[@]}" "${args[@]}" --store "duckdb://$work/managed.duckdb" > "$work/managed-$report.json" 2>&1
    "$aot/context-cleaner" "${args[@]}" --store "duckdb://$work/native.duckdb" > "$work/native-$report.json" 2>&1
    # Blocks: burn rate and projection of an active block depend on the moment each binary ran; compare the rest.
    if node -e '
      const fs = require("fs");
      const read = f => JSON.parse(fs.readFileSync(f, "utf8"), (k, v) => ["burnRate", "projection"].includes(k) ? null : v);
      process.exit(JSON.stringify(read(process.argv[1])) === JSON.stringify(read(process.argv[2])) ? 0 : 1);
    ' "$work/managed-$report.json" "$work/native-$report.json"; then
      passed=$((passed + 1))
    else
      failed=$((failed + 1)); echo "FAILED: native report $report differs from managed"; diff "$work/managed-$report.json" "$work/native-$report.json" | head -5
    fi
  done
  # ClickHouse.Driver reflects over its own types: the native binary must answer from ClickHouse as the managed one does.
  if [ -n "${CONTEXT_CLEANER_TEST_CLICKHOUSE:-}" ]; then
    chdb="aot_$$_$RANDOM"
    chstore="clickhouse://${CONTEXT_CLEANER_TEST_CLICKHOUSE#http://}/$chdb"
    "$aot/context-cleaner" report daily --json -z UTC --source "$root/samples/claude" --store "$chstore" > "$work/native-clickhouse.json" 2>&1
    if cmp -s "$work/managed-daily.json" "$work/native-clickhouse.json"; then
      passed=$((passed + 1))
    else
      failed=$((failed + 1)); echo "FAILED: native report daily on ClickHouse differs"; head -5 "$work/native-clickhouse.json"
    fi
    node -e 'fetch(process.argv[1], { method: "POST", body: process.argv[2] }).catch(() => {})' "$CONTEXT_CLEANER_TEST_CLICKHOUSE" "DROP DATABASE IF EXISTS $chdb" || true
  fi
  if HOME="$work" "$aot/context-cleaner" report daily --store "duckdb://$work/empty.duckdb" 2> "$work/err.txt"; then
    failed=$((failed + 1)); echo "FAILED: native binary without transcripts exited 0"
  elif grep -q "No Claude Code transcripts found" "$work/err.txt"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1)); echo "FAILED: native binary without transcripts: $(cat "$work/err.txt")"
  fi
  rm -rf "$work"
else
  failed=$((failed + 1)); echo "FAILED: native AOT publish (see $results/aot-publish.log)"; tail -n 5 "$results/aot-publish.log"
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
