#!/usr/bin/env bash
# Runs ccusage 20.0.24 (installed from npm into artifacts/ccusage on first use) and context-cleaner on the same
# corpus, written by the project's own generator (tests/ContextCleaner.TestCorpus, fixed seed) with its ground truth.
# Checks: ccusage agrees with the truth under its own pricing convention; we agree with the truth under Anthropic's
# billing; tokens are identical between the two tools everywhere; costs are identical except rows with long-context
# requests, where our cost = ccusage's + the truth's long-context correction. Lists those requests and differences.
# Needs the solution built (CONFIGURATION, default Release). Last line: "N passed, N failed".
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
configuration=${CONFIGURATION:-Release}
ccusage_dir=${CCUSAGE_DIR:-$root/artifacts/ccusage}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ ! -x "$ccusage_dir/node_modules/.bin/ccusage" ]; then
  echo "installing ccusage@20.0.24 into $ccusage_dir" >&2
  mkdir -p "$ccusage_dir"
  (cd "$ccusage_dir" && npm init -y >/dev/null && npm install --no-audit --no-fund --loglevel=error ccusage@20.0.24 >/dev/null)
fi
ccusage="$ccusage_dir/node_modules/.bin/ccusage"
corpus_tool=(dotnet "$root/tests/ContextCleaner.TestCorpus/bin/$configuration/net10.0/ContextCleaner.TestCorpus.dll")
ours=(dotnet "$root/src/ContextCleaner.Cli/bin/$configuration/net10.0/context-cleaner.dll")

"${corpus_tool[@]}" generate --out "$work/corpus" --sessions 40 --messages-per-session 80 --seed 20 --projects 6 >&2
for report in daily session blocks; do
  CLAUDE_CONFIG_DIR="$work/corpus" "$ccusage" claude "$report" --offline --json -z UTC > "$work/ccusage-$report.json"
  "${ours[@]}" report "$report" --source "$work/corpus" --store "duckdb://$work/store.duckdb" -z UTC --json > "$work/ours-$report.json"
done

passed=0
failed=0
run_check() {
  local title=$1; shift
  echo "== $title"
  local out
  out=$("$@" || true)
  echo "$out" | grep -v ' passed, .* failed$' || true
  local last
  last=$(echo "$out" | tail -n 1)
  echo "   $last"
  passed=$((passed + $(echo "$last" | sed -E 's/^([0-9]+) passed.*/\1/')))
  failed=$((failed + $(echo "$last" | sed -E 's/.* ([0-9]+) failed.*/\1/')))
}

truth="$work/corpus/ground_truth.json"
run_check "ccusage 20.0.24 vs ground truth (ccusage's per-token-kind long-context convention)" \
  "${corpus_tool[@]}" check "$truth" --daily "$work/ccusage-daily.json" --session "$work/ccusage-session.json" --blocks "$work/ccusage-blocks.json" --cost-key cost_usd_ccusage
run_check "context-cleaner vs ground truth (Anthropic billing)" \
  "${corpus_tool[@]}" check "$truth" --daily "$work/ours-daily.json" --session "$work/ours-session.json" --blocks "$work/ours-blocks.json"
run_check "context-cleaner vs ccusage (tokens identical; costs differ only by the long-context correction)" \
  "${corpus_tool[@]}" compare "$truth" "$work/ours-daily.json" "$work/ccusage-daily.json" "$work/ours-session.json" "$work/ccusage-session.json"
echo "== long-context requests ccusage under-bills"
"${corpus_tool[@]}" long-context "$truth"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
