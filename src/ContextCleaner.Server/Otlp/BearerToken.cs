using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace ContextCleaner.Server.Otlp;

/// <summary>
/// Checks <c>Authorization: Bearer &lt;token&gt;</c> in constant time: both sides are hashed first, so neither the
/// content nor the length of the expected token leaks through timing.
/// </summary>
internal sealed class BearerToken(string? expected)
{
    private readonly byte[]? _expectedHash = expected is null ? null : SHA256.HashData(Encoding.UTF8.GetBytes(expected));

    public bool Allows(HttpRequest request)
    {
        if (_expectedHash is null)
        {
            return true;
        }

        // "Bearer%20…": what an exporter sends when OTEL_EXPORTER_OTLP_HEADERS was percent-encoded as the OTel
        // convention says but the exporter does not decode it (Claude Code 2.1.328).
        var header = request.Headers.Authorization.ToString();
        var presented = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim()
            : header.StartsWith("Bearer%20", StringComparison.OrdinalIgnoreCase) ? header[9..].Trim()
            : "";
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), _expectedHash);
    }
}
