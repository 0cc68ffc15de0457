using System.Globalization;
using System.Text;

namespace ContextCleaner.Cli.Tests.Support;

/// <summary>OTLP/JSON log bodies shaped like Claude Code's, each api_request with its own request id.</summary>
internal static class OtlpBatches
{
    public static byte[] ApiRequests(string session, int batch, int records)
    {
        var body = new StringBuilder("{\"resourceLogs\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\",\"value\":{\"stringValue\":\"claude-code\"}}]},");
        body.Append("\"scopeLogs\":[{\"scope\":{\"name\":\"com.anthropic.claude_code.events\"},\"logRecords\":[");
        for (var i = 0; i < records; i++)
        {
            var nanos = (1_795_649_836_000_000_000L + (((long)batch * records) + i) * 1_000_000L).ToString(CultureInfo.InvariantCulture);
            body.Append(i == 0 ? "" : ",").Append(CultureInfo.InvariantCulture, $$$"""
                {"timeUnixNano":"{{{nanos}}}","observedTimeUnixNano":"{{{nanos}}}","body":{"stringValue":"claude_code.api_request"},"attributes":[
                {"key":"session.id","value":{"stringValue":"{{{session}}}"}},{"key":"event.name","value":{"stringValue":"api_request"}},
                {"key":"event.sequence","value":{"intValue":{{{i}}}}},{"key":"model","value":{"stringValue":"claude-sonnet-4-5-20250929"}},
                {"key":"input_tokens","value":{"intValue":100}},{"key":"output_tokens","value":{"intValue":10}},
                {"key":"cache_read_tokens","value":{"intValue":0}},{"key":"cache_creation_tokens","value":{"intValue":0}},
                {"key":"cost_usd","value":{"doubleValue":0.00045}},{"key":"duration_ms","value":{"intValue":50}},
                {"key":"request_id","value":{"stringValue":"req_{{{session}}}_{{{batch}}}_{{{i}}}"}}]}
                """);
        }

        return Encoding.UTF8.GetBytes(body.Append("]}]}]}").ToString());
    }
}
