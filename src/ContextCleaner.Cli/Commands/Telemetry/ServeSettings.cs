using System.ComponentModel;
using ContextCleaner.Server.Hosting;
using Spectre.Console.Cli;

namespace ContextCleaner.Cli.Commands.Telemetry;

/// <summary>Options of <c>telemetry serve</c>.</summary>
internal sealed class ServeSettings : GlobalSettings
{
    [CommandOption("--listen <HOST:PORT>")]
    [Description("Address to listen on (default 127.0.0.1:4318, loopback only).")]
    public string Listen { get; init; } = ServerDefaults.Listen;

    [CommandOption("--token <TOKEN>")]
    [Description("Require 'Authorization: Bearer TOKEN' on every request (env CONTEXT_CLEANER_TOKEN).")]
    public string? Token { get; init; }

    [CommandOption("--store-content")]
    [Description("Keep prompt, response and tool text when Claude Code sends it unredacted (off by default).")]
    public bool StoreContent { get; init; }

    [CommandOption("--max-body-bytes <BYTES>")]
    [Description("Largest request body, before and after gzip (default 64 MiB).")]
    public long MaxBodyBytes { get; init; } = ServerDefaults.MaxBodyBytes;

    [CommandOption("--print-env")]
    [Description("Print the environment variables that point Claude Code at this server, and exit.")]
    public bool PrintEnv { get; init; }
}
