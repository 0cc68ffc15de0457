using Microsoft.Net.Http.Headers;

namespace ContextCleaner.Server.Otlp;

/// <summary>Picks the decoder from <c>Content-Type</c> (parameters such as <c>charset</c> ignored).</summary>
internal static class OtlpContentType
{
    public const string Protobuf = "application/x-protobuf";
    public const string Json = "application/json";

    public static OtlpFormat? Parse(string? contentType)
    {
        if (contentType is null || !MediaTypeHeaderValue.TryParse(contentType, out var media))
        {
            return null;
        }

        return media.MediaType.Value?.ToLowerInvariant() switch
        {
            Protobuf or "application/protobuf" => OtlpFormat.Protobuf,
            Json => OtlpFormat.Json,
            _ => null,
        };
    }

    public static string Of(OtlpFormat format) => format == OtlpFormat.Json ? Json : Protobuf;
}
