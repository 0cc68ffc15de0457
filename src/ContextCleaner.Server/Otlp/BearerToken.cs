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

        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        var presented = header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) ? header[scheme.Length..].Trim() : "";
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), _expectedHash);
    }
}
