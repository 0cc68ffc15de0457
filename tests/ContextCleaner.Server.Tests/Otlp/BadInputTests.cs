using System.IO.Compression;
using System.Net;
using System.Text;
using ContextCleaner.Server.Hosting;
using ContextCleaner.Server.Tests.Support;
using Shouldly;

namespace ContextCleaner.Server.Tests.Otlp;

/// <summary>Every kind of bad request gets its status and a message, and the server keeps serving.</summary>
public sealed class BadInputTests
{
    private const string ValidBody = "otlp-json/s01-sonnet45-json-hello--0001-logs.json";

    public static TheoryData<string, string, string?, HttpStatusCode, string> BadRequests() => new()
    {
        { "garbage", "application/json", null, HttpStatusCode.BadRequest, "Invalid OTLP/JSON" },
        { "truncated", "application/json", null, HttpStatusCode.BadRequest, "OTLP" },
        { "truncated-protobuf", "application/x-protobuf", null, HttpStatusCode.BadRequest, "" },
        { "deeply-nested", "application/json", null, HttpStatusCode.BadRequest, "" },
        { "wrong-shape", "application/json", null, HttpStatusCode.BadRequest, "resourceLogs" },
        { "valid", "text/plain", null, HttpStatusCode.UnsupportedMediaType, "Content-Type 'text/plain'" },
        { "valid", "application/json", "gzip", HttpStatusCode.BadRequest, "not valid gzip" },
        { "valid", "application/json", "br", HttpStatusCode.UnsupportedMediaType, "Content-Encoding 'br'" },
        { "oversized", "application/json", null, HttpStatusCode.RequestEntityTooLarge, "larger than the 65536-byte limit" },
        { "gzip-bomb", "application/json", "gzip", HttpStatusCode.RequestEntityTooLarge, "larger than the 65536-byte limit" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task PostAsync_BadRequest_AnswersItsStatusWithAMessageAndKeepsServing(string kind, string contentType, string? encoding,
        HttpStatusCode expected, string message)
    {
        await using var server = await ServerFixture.StartAsync(new ServerOptions { MaxBodyBytes = 64 * 1024 });

        using var response = await server.PostAsync("logs", Body(kind), contentType, encoding);

        response.StatusCode.ShouldBe(expected);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        if (contentType == "application/json" || expected == HttpStatusCode.UnsupportedMediaType)
        {
            text.ShouldStartWith("{\"code\":");
        }

        text.ShouldContain(message);
        (await server.PostAsync("logs", Fixtures.Read(ValidBody), "application/json")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await server.CountsAsync()).Values.Sum().ShouldBe(7);
    }

    [Fact]
    public async Task PostAsync_GzipBody_IsDecompressed()
    {
        await using var server = await ServerFixture.StartAsync();

        using var response = await server.PostAsync("logs", Gzip(Fixtures.Read(ValidBody)), "application/json", "gzip");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await server.CountsAsync()).Values.Sum().ShouldBe(7);
    }

    [Fact]
    public async Task PostAsync_WrongBearerToken_Answers401AndStoresNothing()
    {
        await using var server = await ServerFixture.StartAsync(new ServerOptions { Token = "s3cret" });

        using var missing = await server.PostAsync("logs", Fixtures.Read(ValidBody), "application/json");
        using var wrong = await server.PostAsync("logs", Fixtures.Read(ValidBody), "application/json", token: "s3cre");
        using var right = await server.PostAsync("metrics", Fixtures.Read("otlp-json/s01-sonnet45-json-hello--0002-metrics.json"), "application/json", token: "s3cret");

        missing.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        wrong.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer");
        right.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await server.CountsAsync()).Values.Sum().ShouldBe(0);
    }

    [Fact]
    public async Task PostAsync_TokenSentPercentEncodedAsClaudeCodeDoes_IsAccepted()
    {
        await using var server = await ServerFixture.StartAsync(new ServerOptions { Token = "s3cret" });
        using var content = new ByteArrayContent(Fixtures.Read(ValidBody));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/logs") { Content = content };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer%20s3cret");

        using var response = await server.Client.SendAsync(request, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await server.CountsAsync()).Values.Sum().ShouldBe(7);
    }

    [Fact]
    public async Task Get_OtlpPath_IsNotAccepted()
    {
        await using var server = await ServerFixture.StartAsync();

        using var response = await server.Client.GetAsync(new Uri("/v1/logs", UriKind.Relative), TestContext.Current.CancellationToken);

        ((int)response.StatusCode).ShouldBeOneOf(404, 405);
    }

    private static byte[] Body(string kind)
    {
        var valid = Fixtures.Read(ValidBody);
        return kind switch
        {
            "garbage" => Encoding.UTF8.GetBytes("this is not JSON"),
            "truncated" => valid[..(valid.Length / 2)],
            "truncated-protobuf" => Fixtures.Read("otlp-protobuf/s04-sonnet45-protobuf-hello--0001-logs.pb")[..300],
            "deeply-nested" => Encoding.UTF8.GetBytes("{\"resourceLogs\":[{\"scopeLogs\":[{\"logRecords\":[{\"body\":"
                + string.Concat(Enumerable.Repeat("{\"arrayValue\":{\"values\":[", 500)) + "]}}]}]}]}"),
            "wrong-shape" => Encoding.UTF8.GetBytes("{\"resourceLogs\":\"x\"}"),
            "oversized" => Encoding.UTF8.GetBytes("{\"resourceLogs\":[]," + new string(' ', 70 * 1024) + "\"x\":1}"),
            "gzip-bomb" => Gzip(new byte[10 * 1024 * 1024]),
            _ => valid,
        };
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }
}
