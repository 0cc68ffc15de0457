using ContextCleaner.Core.Storage;

namespace ContextCleaner.Benchmarks.Store;

/// <summary>
/// The analytics queries the reports run: daily/weekly (60-minute UTC buckets, rolled up into local days by Core),
/// monthly-ish (1,440-minute buckets), session, a project's and a session's usage, the last 7 days, the billing-block
/// entries of the last 30 days, and the event counts. Each returns how many rows it produced.
/// </summary>
internal static class StoreQueries
{
    public static IReadOnlyList<(string Name, Func<ITelemetryStore, CancellationToken, Task<long>> Run)> All(string project, string session)
    {
        var end = SyntheticEvents.EndUtc;
        return
        [
            ("daily: 60-min buckets, all time", Aggregate(new UsageQuery { BucketMinutes = 60 })),
            ("monthly: 1,440-min buckets, all time", Aggregate(new UsageQuery { BucketMinutes = 1440 })),
            ("session: by session, all time", Aggregate(new UsageQuery { BySession = true })),
            ("one project (the largest), 60-min buckets", Aggregate(new UsageQuery { BucketMinutes = 60, Project = project })),
            ("one session, 60-min buckets", Aggregate(new UsageQuery { BucketMinutes = 60, SessionId = session })),
            ("last 7 days, 60-min buckets", Aggregate(new UsageQuery { BucketMinutes = 60, FromUtc = end.AddDays(-7), ToUtc = end })),
            ("billing-block entries, last 30 days (rows read)", Entries(new UsageQuery { FromUtc = end.AddDays(-30), ToUtc = end })),
            ("event counts per kind", async (store, ct) => (await store.CountEventsAsync(ct)).Count),
        ];
    }

    private static Func<ITelemetryStore, CancellationToken, Task<long>> Aggregate(UsageQuery query) =>
        async (store, ct) => (await store.QueryUsageAsync(query, ct)).Count;

    private static Func<ITelemetryStore, CancellationToken, Task<long>> Entries(UsageQuery query) =>
        async (store, ct) =>
        {
            long rows = 0;
            await foreach (var _ in store.ReadUsageEntriesAsync(query, ct))
            {
                rows++;
            }

            return rows;
        };
}
