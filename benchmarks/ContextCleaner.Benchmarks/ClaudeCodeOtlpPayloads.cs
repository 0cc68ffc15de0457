using System.Globalization;
using System.Text;

namespace ContextCleaner.Benchmarks;

/// <summary>
/// Synthetic OTLP/JSON log bodies with the shape and mix of what Claude Code 2.1.328 sends (attribute keys and value
/// types as in tests/data/claude-code-2.1.328/otlp-json): per prompt one user_prompt, two api_request, two
/// assistant_response, one tool_decision and one tool_result. Every body is unique (request ids, sequence numbers).
/// </summary>
internal static class ClaudeCodeOtlpPayloads
{
    public const int EventsPerPrompt = 7;

    public static byte[] Logs(int sender, long batch, int prompts)
    {
        var session = $"0f233508-2d33-4ee1-a066-{sender:D12}";
        var body = new StringBuilder(prompts * 3500);
        body.Append("""{"resourceLogs":[{"resource":{"attributes":[{"key":"host.arch","value":{"stringValue":"amd64"}},{"key":"os.type","value":{"stringValue":"linux"}},{"key":"service.name","value":{"stringValue":"claude-code"}},{"key":"service.version","value":{"stringValue":"2.1.328"}}]},"scopeLogs":[{"scope":{"name":"com.anthropic.claude_code.events","version":"2.1.328"},"logRecords":[""");
        var sequence = batch * prompts * EventsPerPrompt;
        for (var p = 0; p < prompts; p++)
        {
            var prompt = $"{batch:D8}-{p:D4}";
            Record(body, p == 0, sequence++, session, "user_prompt", $$$"""{"key":"prompt_length","value":{"stringValue":"39"}},{"key":"prompt","value":{"stringValue":"<REDACTED>"}},{"key":"prompt_text","value":{"stringValue":"<REDACTED>"}},{"key":"message.uuid","value":{"stringValue":"93795fe8-e121-4a31-{{{prompt}}}"}}""");
            Record(body, false, sequence++, session, "tool_decision", $$$"""{"key":"decision","value":{"stringValue":"accept"}},{"key":"source","value":{"stringValue":"config"}},{"key":"tool_name","value":{"stringValue":"Read"}},{"key":"tool_use_id","value":{"stringValue":"toolu_{{{prompt}}}"}},{"key":"tool_source","value":{"stringValue":"builtin"}},{"key":"permission_mode","value":{"stringValue":"default"}},{"key":"request_id","value":{"stringValue":"req_{{{sender}}}_{{{prompt}}}_a"}}""");
            for (var r = 0; r < 2; r++)
            {
                var request = $"req_{sender}_{prompt}_{(r == 0 ? 'a' : 'b')}";
                Record(body, false, sequence++, session, "api_request", $$$"""{"key":"model","value":{"stringValue":"claude-sonnet-4-5-20250929"}},{"key":"input_tokens","value":{"intValue":2722}},{"key":"output_tokens","value":{"intValue":57}},{"key":"cache_read_tokens","value":{"intValue":19123}},{"key":"cache_creation_tokens","value":{"intValue":310}},{"key":"cache_creation_5m_tokens","value":{"intValue":310}},{"key":"cache_creation_1h_tokens","value":{"intValue":0}},{"key":"cost_usd","value":{"doubleValue":0.01507215}},{"key":"cost_usd_micros","value":{"intValue":15072}},{"key":"duration_ms","value":{"intValue":1703}},{"key":"ttft_ms","value":{"intValue":410}},{"key":"request_id","value":{"stringValue":"{{{request}}}"}},{"key":"speed","value":{"stringValue":"normal"}},{"key":"query_source","value":{"stringValue":"sdk"}}""");
                Record(body, false, sequence++, session, "assistant_response", $$$"""{"key":"response_length","value":{"intValue":32}},{"key":"response","value":{"stringValue":"<REDACTED>"}},{"key":"request_id","value":{"stringValue":"{{{request}}}"}},{"key":"message.uuid","value":{"stringValue":"3ad5cb6d-582e-4f55-{{{prompt}}}-{{{r}}}"}},{"key":"model","value":{"stringValue":"claude-sonnet-4-5-20250929"}},{"key":"query_source","value":{"stringValue":"sdk"}}""");
            }

            Record(body, false, sequence++, session, "tool_result", $$$"""{"key":"tool_name","value":{"stringValue":"Read"}},{"key":"tool_use_id","value":{"stringValue":"toolu_{{{prompt}}}"}},{"key":"success","value":{"stringValue":"true"}},{"key":"duration_ms","value":{"stringValue":"12"}},{"key":"tool_input_size_bytes","value":{"stringValue":"88"}},{"key":"tool_result_size_bytes","value":{"stringValue":"33"}},{"key":"request_id","value":{"stringValue":"req_{{{sender}}}_{{{prompt}}}_a"}}""");
        }

        return Encoding.UTF8.GetBytes(body.Append("]}]}]}").ToString());
    }

    private static void Record(StringBuilder body, bool first, long sequence, string session, string name, string attributes)
    {
        var nanos = (1_795_649_836_000_000_000L + (sequence * 1_000_000L)).ToString(CultureInfo.InvariantCulture);
        body.Append(first ? "" : ",").Append(CultureInfo.InvariantCulture, $$$"""
            {"timeUnixNano":"{{{nanos}}}","observedTimeUnixNano":"{{{nanos}}}","body":{"stringValue":"claude_code.{{{name}}}"},"attributes":[{"key":"user.id","value":{"stringValue":"c88a02aef967325bf10a02763bb098b6ca6752af74a3a6912a6c5fe69c585df3"}},{"key":"session.id","value":{"stringValue":"{{{session}}}"}},{"key":"anthropic.provider","value":{"stringValue":"firstParty"}},{"key":"terminal.type","value":{"stringValue":"dumb"}},{"key":"event.name","value":{"stringValue":"{{{name}}}"}},{"key":"event.timestamp","value":{"stringValue":"2026-11-25T23:36:24.253Z"}},{"key":"event.sequence","value":{"intValue":{{{sequence}}}}},{"key":"prompt.id","value":{"stringValue":"8d5f6ebd-4e78-467f-b792-43a515ac919a"}},{{{attributes}}}]}
            """);
    }
}
