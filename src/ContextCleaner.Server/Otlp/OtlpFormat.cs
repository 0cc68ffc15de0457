namespace ContextCleaner.Server.Otlp;

/// <summary>The two OTLP/HTTP encodings; the answer uses the request's.</summary>
internal enum OtlpFormat
{
    /// <summary><c>application/x-protobuf</c>.</summary>
    Protobuf,

    /// <summary><c>application/json</c>.</summary>
    Json,
}
