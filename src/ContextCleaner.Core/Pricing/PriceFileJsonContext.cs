using System.Text.Json;
using System.Text.Json.Serialization;

namespace ContextCleaner.Core.Pricing;

/// <summary>Source-generated (reflection-free) JSON metadata for <c>prices.json</c>.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(PriceFile))]
internal sealed partial class PriceFileJsonContext : JsonSerializerContext;
