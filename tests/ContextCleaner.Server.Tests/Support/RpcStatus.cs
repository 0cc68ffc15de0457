using System.Text;
using System.Text.Json;

namespace ContextCleaner.Server.Tests.Support;

/// <summary>A <c>google.rpc.Status</c> failure body, read from JSON or protobuf as OTLP/HTTP sends it.</summary>
/// <param name="Code">The <c>google.rpc.Code</c> (14: UNAVAILABLE).</param>
/// <param name="Message">The developer-facing message.</param>
internal readonly record struct RpcStatus(int Code, string Message)
{
    public const int Unavailable = 14;

    public static async Task<RpcStatus> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        return response.Content.Headers.ContentType?.MediaType switch
        {
            "application/json" => FromJson(body),
            "application/x-protobuf" => FromProtobuf(body),
            var other => throw new InvalidDataException($"a Status body is JSON or protobuf, not '{other}'"),
        };
    }

    private static RpcStatus FromJson(byte[] body)
    {
        using var json = JsonDocument.Parse(body);
        var names = json.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        if (names.Except(["code", "message", "details"]).Any())
        {
            throw new InvalidDataException($"not a Status: {Encoding.UTF8.GetString(body)}");
        }

        return new RpcStatus(json.RootElement.GetProperty("code").GetInt32(), json.RootElement.GetProperty("message").GetString()!);
    }

    // message Status { int32 code = 1; string message = 2; repeated google.protobuf.Any details = 3; }
    private static RpcStatus FromProtobuf(byte[] body)
    {
        var code = 0;
        var message = "";
        var i = 0;
        while (i < body.Length)
        {
            switch (Varint(body, ref i))
            {
                case 1 << 3 | 0:
                    code = (int)Varint(body, ref i);
                    break;
                case 2 << 3 | 2:
                    var length = (int)Varint(body, ref i);
                    message = Encoding.UTF8.GetString(body, i, length);
                    i += length;
                    break;
                case var tag:
                    throw new InvalidDataException($"not a Status: unexpected tag {tag} at byte {i}");
            }
        }

        return new RpcStatus(code, message);
    }

    private static ulong Varint(byte[] body, ref int i)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = body[i++];
            value |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }
}
