#!/usr/bin/env bash
# End-to-end benchmark: context-cleaner against ccusage 20.0.24 and `cat`, in one script, on one corpus.
#
# Input: the ~1 GB corpus of the shared tool ../shared/tools/gen_claude_corpus.py
#   (--sessions 2500 --messages-per-session 100 --seed 13 --projects 25), generated into artifacts/bench/ once;
#   override with CORPUS=/path (a folder holding projects/ and ground_truth.json).
# Measures (whole processes, page cache warm, 1 warm-up + RUNS timed runs, median [min..max], peak RSS):
#   cat of all files; ccusage `claude daily --offline --json`; ours cold (`report daily --json` on an empty store:
#   import + report); ours warm (same command, nothing changed); ours `import` alone (throughput next to cat's).
# Ours twice: the native AOT binary (`dotnet publish -r linux-x64 -p:PublishAot=true`, needs clang + lld) and the
# managed Release build published ReadyToRun (what `dotnet tool install` / `dotnet run` users get).
# Writes benchmarks/results.md. Needs python3, npm, /usr/bin/time.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bench="$root/artifacts/bench"
runs=${RUNS:-3}
mkdir -p "$bench"
corpus=${CORPUS:-$bench/corpus-large}
if [ ! -f "$corpus/ground_truth.json" ]; then
  python3 "$root/../shared/tools/gen_claude_corpus.py" --out "$corpus" --sessions 2500 --messages-per-session 100 --seed 13 --projects 25 >&2
fi
ccusage_dir=${CCUSAGE_DIR:-$root/artifacts/ccusage}
if [ ! -x "$ccusage_dir/node_modules/.bin/ccusage" ]; then
  mkdir -p "$ccusage_dir"
  (cd "$ccusage_dir" && npm init -y >/dev/null && npm install --no-audit --no-fund --loglevel=error ccusage@20.0.24 >/dev/null)
fi
dotnet publish "$root/src/ContextCleaner.Cli" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -o "$bench/cli" -nologo -v q >&2
dotnet publish "$root/src/ContextCleaner.Cli" -c Release -r linux-x64 -p:PublishAot=true -o "$bench/native" -nologo -v q >&2
managed="$bench/cli/context-cleaner"
ours="$bench/native/context-cleaner"
ccusage="$ccusage_dir/node_modules/.bin/ccusage"
store="$bench/store.duckdb"
bytes=$(find "$corpus/projects" -name '*.jsonl' -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
files=$(find "$corpus/projects" -name '*.jsonl' -type f | wc -l)

measure() { # name, setup command, command...: appends "name wall_s rss_kb" lines to $bench/times.txt
  local name=$1 setup=$2; shift 2
  for i in $(seq 0 "$runs"); do
    eval "$setup"
    /usr/bin/time -f "%e %M" -o "$bench/one.txt" "$@" > "$bench/out-$name.json" 2> "$bench/err-$name.txt"
    [ "$i" -eq 0 ] || echo "$name $(cat "$bench/one.txt")" >> "$bench/times.txt"
  done
}

: > "$bench/times.txt"
find "$corpus/projects" -name '*.jsonl' -type f -exec cat {} + > /dev/null
measure cat ":" bash -c "find '$corpus/projects' -name '*.jsonl' -type f -exec cat {} + > /dev/null"
measure ccusage ":" env CLAUDE_CONFIG_DIR="$corpus" "$ccusage" claude daily --offline --json -z UTC
measure ours_cold "rm -f '$store' '$store.wal'" "$ours" report daily --json -z UTC --source "$corpus" --store "duckdb://$store"
measure ours_warm ":" "$ours" report daily --json -z UTC --source "$corpus" --store "duckdb://$store"
measure ours_import "rm -f '$store' '$store.wal'" "$ours" import --json --source "$corpus" --store "duckdb://$store"
measure managed_cold "rm -f '$store' '$store.wal'" "$managed" report daily --json -z UTC --source "$corpus" --store "duckdb://$store"
measure managed_warm ":" "$managed" report daily --json -z UTC --source "$corpus" --store "duckdb://$store"

check=$(python3 "$root/../shared/tools/check_usage_vs_truth.py" "$corpus/ground_truth.json" --daily "$bench/out-ours_warm.json" | tail -n 1)
python3 - "$bench/times.txt" "$bytes" "$files" "$runs" "$check" > "$root/benchmarks/results.md" <<'PY'
import statistics, sys
path, nbytes, files, runs, check = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
rows = {}
for line in open(path):
    name, wall, rss = line.split()
    rows.setdefault(name, []).append((float(wall), int(rss)))
med = {k: statistics.median(w for w, _ in v) for k, v in rows.items()}
def cell(k):
    w = [x for x, _ in rows[k]]
    return f"{med[k]:.3f} [{min(w):.3f} .. {max(w):.3f}]"
def rss(k): return f"{max(r for _, r in rows[k]) / 1024:.0f} MiB"
labels = {
    "cat": "`cat` of every file",
    "ccusage": "ccusage 20.0.24 `claude daily --offline --json`",
    "ours_cold": "context-cleaner (native) `report daily --json`, cold (empty store: import + report)",
    "ours_warm": "context-cleaner (native) `report daily --json`, warm (nothing changed)",
    "ours_import": "context-cleaner (native) `import` alone (empty store)",
    "managed_cold": "context-cleaner (managed, ReadyToRun) `report daily --json`, cold",
    "managed_warm": "context-cleaner (managed, ReadyToRun) `report daily --json`, warm",
}
print("# Benchmark results\n")
print(f"Corpus: {nbytes/1e6:,.0f} MB in {files} transcript files (`gen_claude_corpus.py --sessions 2500 --messages-per-session 100 --seed 13 --projects 25`).")
print(f"Whole processes, page cache warm, 1 warm-up + {runs} timed runs: median [min .. max] seconds; peak RSS of the run.")
print("Generated by `benchmarks/run.sh`.\n")
print("| what | wall s | vs ccusage | peak RSS | MB/s |")
print("|---|---|---|---|---|")
for k in ["cat", "ccusage", "ours_cold", "ours_warm", "ours_import", "managed_cold", "managed_warm"]:
    if k in rows:
        print(f"| {labels[k]} | {cell(k)} | {med[k]/med['ccusage']:.2f}x | {rss(k)} | {nbytes/1e6/med[k]:,.0f} |")
print(f"\nOur warm daily report against the corpus's ground truth (`check_usage_vs_truth.py`, Anthropic billing): {check}.")
PY
cat "$root/benchmarks/results.md"
