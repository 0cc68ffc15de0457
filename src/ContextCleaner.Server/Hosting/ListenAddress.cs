using System.Globalization;
using System.Net;

namespace ContextCleaner.Server.Hosting;

/// <summary>Parses <c>host:port</c> (<c>127.0.0.1:4318</c>, <c>[::1]:4318</c>, <c>localhost:4318</c>).</summary>
internal static class ListenAddress
{
    public static bool TryParse(string text, out IPEndPoint endpoint)
    {
        endpoint = null!;
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            return false;
        }

        var host = text[..colon].Trim('[', ']');
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            endpoint = new IPEndPoint(IPAddress.Loopback, port);
            return true;
        }

        if (!IPAddress.TryParse(host, out var address))
        {
            return false;
        }

        endpoint = new IPEndPoint(address, port);
        return true;
    }
}
