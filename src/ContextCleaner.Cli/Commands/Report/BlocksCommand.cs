using System.Globalization;
using ContextCleaner.Cli.Infrastructure;
using ContextCleaner.Cli.Rendering;
using ContextCleaner.Core.Analytics;
using ContextCleaner.Core.Storage;
using Spectre.Console;

namespace ContextCleaner.Cli.Commands.Report;

/// <summary><c>report blocks</c>: 5-hour billing blocks, with burn rate and projection for the active one.</summary>
internal sealed class BlocksCommand(CliEnvironment environment) : ReportCommand<BlocksSettings>(environment)
{
    private static readonly TimeSpan RecentWindow = TimeSpan.FromDays(3);

    protected override async Task<int> ReportAsync(ITelemetryStore store, BlocksSettings settings, CancellationToken cancellationToken)
    {
        var now = Environment.Time.GetUtcNow().UtcDateTime;
        var request = Request(settings, UsagePeriod.Day);
        var blocks = BillingBlockBuilder.Build(
            await ToListAsync(store.ReadUsageEntriesAsync(UsageReportService.StoreQuery(request), cancellationToken)),
            request.Mode, TimeSpan.FromHours(settings.SessionLength), now);
        long? limit = settings.TokenLimit switch
        {
            null => null,
            "max" => TokenLimitStatus.Max(blocks),
            var n => long.Parse(n, CultureInfo.InvariantCulture),
        };
        if (settings.Active)
        {
            blocks = [.. blocks.Where(b => b.IsActive)];
        }
        else if (settings.Recent)
        {
            blocks = [.. blocks.Where(b => b.IsActive || b.StartUtc >= now - RecentWindow)];
        }

        if (settings.Order == "desc")
        {
            blocks.Reverse();
        }

        if (settings.Json)
        {
            RawOutput.Write(Environment.Out, stream => BlocksJsonWriter.Write(stream, blocks, limit));
        }
        else if (blocks.Count == 0)
        {
            Environment.Out.WriteLine(settings.Active ? "No active block." : "No usage in the selected range.");
        }
        else
        {
            BlocksTableRenderer.Render(Environment.Out, blocks, limit, now);
        }

        return 0;
    }

    private static async Task<List<UsageEntry>> ToListAsync(IAsyncEnumerable<UsageEntry> entries)
    {
        var list = new List<UsageEntry>();
        await foreach (var entry in entries)
        {
            list.Add(entry);
        }

        return list;
    }
}
