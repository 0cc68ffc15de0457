#!/usr/bin/env bash
# A real ClickHouse server on 127.0.0.1 without Docker: chDB's libchdb.so (the ClickHouse 26.7 engine as a library,
# npm package @chdb/lib-linux-x64-gnu@26.7.3-stable.1, Apache-2.0, ~178 MB, fetched with `npm pack` once and cached in
# artifacts/chdb) run by tools/ContextCleaner.ClickHouseLocal, which serves ClickHouse's HTTP interface.
#   bash scripts/clickhouse.sh start [PORT]   start it (default: a free port), print its URL (user "default", no password)
#   bash scripts/clickhouse.sh stop           stop it
#   bash scripts/clickhouse.sh url            print the URL of the running one
# Data lives in artifacts/chdb/data (kept between runs).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir="$root/artifacts/chdb"
lib="$dir/package/libchdb.so"
package="@chdb/lib-linux-x64-gnu@26.7.3-stable.1"

case "${1:-}" in
  start)
    mkdir -p "$dir"
    if [ -f "$dir/server.pid" ] && kill -0 "$(cat "$dir/server.pid")" 2>/dev/null; then
      echo "http://127.0.0.1:$(cat "$dir/server.port")"; exit 0
    fi
    if [ ! -f "$lib" ]; then
      (cd "$dir" && npm pack "$package" --silent > pack.txt && tar xzf "$(tail -n 1 pack.txt)" && rm -f "$(tail -n 1 pack.txt)") >&2
    fi
    dotnet build "$root/tools/ContextCleaner.ClickHouseLocal" -c Release -o "$dir/launcher" -nologo -v q >&2
    port=${2:-$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')}
    nohup dotnet "$dir/launcher/clickhouse-local-server.dll" --lib "$lib" --data "$dir/data" --http-port "$port" > "$dir/server.log" 2>&1 &
    echo $! > "$dir/server.pid"
    echo "$port" > "$dir/server.port"
    # Ready when /ping answers (the engine takes a few seconds to load 560 MB of library).
    node -e '
      const url = process.argv[1], deadline = Date.now() + 180000;
      (async function wait() {
        try { const r = await fetch(url); if ((await r.text()).startsWith("Ok.")) return; } catch {}
        if (Date.now() > deadline) { console.error("clickhouse did not start: see artifacts/chdb/server.log"); process.exit(1); }
        setTimeout(wait, 250);
      })();' "http://127.0.0.1:$port/ping"
    echo "http://127.0.0.1:$port"
    ;;
  stop)
    if [ -f "$dir/server.pid" ]; then
      pid=$(cat "$dir/server.pid")
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
      rm -f "$dir/server.pid"
    fi
    ;;
  url)
    [ -f "$dir/server.pid" ] && kill -0 "$(cat "$dir/server.pid")" 2>/dev/null && echo "http://127.0.0.1:$(cat "$dir/server.port")"
    ;;
  *)
    echo "usage: $0 start [PORT] | stop | url" >&2; exit 2 ;;
esac
