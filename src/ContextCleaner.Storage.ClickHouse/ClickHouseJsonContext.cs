using System.Text.Json.Serialization;

namespace ContextCleaner.Storage.ClickHouse;

/// <summary>Source-generated JSON for the <c>attributes</c> column (the same text DuckDB stores).</summary>
[JsonSerializable(typeof(IReadOnlyDictionary<string, string>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class ClickHouseJsonContext : JsonSerializerContext;
