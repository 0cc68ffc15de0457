using System.Runtime.InteropServices;

namespace ContextCleaner.ClickHouseLocal;

/// <summary>
/// <c>libchdb.so</c> (chDB: the whole ClickHouse engine as a library, from the npm package
/// <c>@chdb/lib-linux-x64-gnu</c>). Its <c>chdb_query_cmdline(argc, argv)</c> runs clickhouse-local with a command
/// line; with <c>--http_port</c> and <c>SYSTEM START LISTEN HTTP</c> it serves ClickHouse's HTTP interface for as long
/// as the query runs.
/// </summary>
internal sealed unsafe class ChdbLibrary(IntPtr handle) : IDisposable
{
    public static ChdbLibrary Load(string path) => new(NativeLibrary.Load(path));

    /// <summary>Runs clickhouse-local with <paramref name="arguments"/>; returns when the query ends.</summary>
    public void RunCommandLine(IReadOnlyList<string> arguments)
    {
        var run = (delegate* unmanaged<int, byte**, IntPtr>)NativeLibrary.GetExport(handle, "chdb_query_cmdline");
        var argv = arguments.Select(Marshal.StringToCoTaskMemUTF8).ToArray();
        try
        {
            fixed (IntPtr* pointers = argv)
            {
                run(argv.Length, (byte**)pointers);
            }
        }
        finally
        {
            foreach (var pointer in argv)
            {
                Marshal.FreeCoTaskMem(pointer);
            }
        }
    }

    public void Dispose() => NativeLibrary.Free(handle);
}
