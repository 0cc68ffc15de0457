using System.Text.Json.Serialization;

namespace ContextCleaner.Storage.DuckDb;

/// <summary>Source-generated JSON for the <c>attributes</c> column.</summary>
[JsonSerializable(typeof(IReadOnlyDictionary<string, string>))]
internal sealed partial class DuckDbJsonContext : JsonSerializerContext;
