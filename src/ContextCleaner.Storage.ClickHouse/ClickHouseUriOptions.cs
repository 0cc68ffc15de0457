using System.Globalization;

namespace ContextCleaner.Storage.ClickHouse;

/// <summary>The query-string options of a <c>clickhouse://</c> URI; problems are collected, not thrown.</summary>
internal sealed record ClickHouseUriOptions(ClickHouseStoreMode Mode, TimeSpan? QueryTimeout, TimeSpan? ConnectTimeout, int? TtlDays)
{
    public static ClickHouseUriOptions Parse(string query, List<string> problems)
    {
        var mode = ClickHouseStoreMode.Auto;
        TimeSpan? queryTimeout = null, connectTimeout = null;
        int? ttlDays = null;
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..]);
            switch (key)
            {
                case "mode":
                    mode = value switch
                    {
                        "auto" => ClickHouseStoreMode.Auto,
                        "native" => ClickHouseStoreMode.Native,
                        "collector" => ClickHouseStoreMode.Collector,
                        _ => Problem(problems, $"mode \"{value}\" must be auto, native or collector", ClickHouseStoreMode.Auto),
                    };
                    break;
                case "timeout":
                    queryTimeout = Seconds(value, key, problems);
                    break;
                case "connect_timeout":
                    connectTimeout = Seconds(value, key, problems);
                    break;
                case "ttl_days":
                    ttlDays = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days > 0
                        ? days
                        : Problem<int?>(problems, $"ttl_days \"{value}\" must be a whole number of days above 0", null);
                    break;
                default:
                    problems.Add($"unknown option \"{key}\" (known: mode, timeout, connect_timeout, ttl_days)");
                    break;
            }
        }

        return new ClickHouseUriOptions(mode, queryTimeout, connectTimeout, ttlDays);
    }

    private static TimeSpan? Seconds(string value, string key, List<string> problems) =>
        double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) && seconds is > 0 and <= 86_400
            ? TimeSpan.FromSeconds(seconds)
            : Problem<TimeSpan?>(problems, $"{key} \"{value}\" must be seconds between 0 and 86400", null);

    private static T Problem<T>(List<string> problems, string problem, T fallback)
    {
        problems.Add(problem);
        return fallback;
    }
}
