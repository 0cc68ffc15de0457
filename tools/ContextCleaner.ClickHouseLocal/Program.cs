using System.Globalization;
using ContextCleaner.ClickHouseLocal;

// clickhouse-local-server --lib PATH/libchdb.so --data DIR [--http-port 8123]
// A real ClickHouse server (the HTTP interface on 127.0.0.1) without Docker, for tests and for trying the ClickHouse
// store locally; scripts/clickhouse.sh downloads the library and starts and stops it. Stops on SIGTERM/SIGINT
// (the process ends; ClickHouse's data directory stays consistent for the next start).
string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
var library = Option("--lib");
var data = Option("--data");
var port = int.TryParse(Option("--http-port") ?? "8123", NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is > 0 and < 65536 ? p : -1;
if (library is null || data is null || port < 0 || !File.Exists(library))
{
    Console.Error.WriteLine("usage: clickhouse-local-server --lib PATH/libchdb.so --data DIR [--http-port N (1-65535, default 8123)]");
    return 2;
}

Directory.CreateDirectory(data);
using var chdb = ChdbLibrary.Load(library);
Console.Error.WriteLine($"clickhouse: serving http://127.0.0.1:{port}/ from {data} (SIGTERM stops)");
// The query that keeps the listener open: one row per second, for about three years.
chdb.RunCommandLine(
[
    "clickhouse", $"--path={data}", $"--http_port={port}", "--listen_host=127.0.0.1",
    "--query", "SYSTEM START LISTEN HTTP; SELECT sleepEachRow(1) FROM numbers(100000000) SETTINGS max_block_size = 1 FORMAT Null",
]);
Console.Error.WriteLine("clickhouse: the serving query ended; the listener is closed");
return 1;
