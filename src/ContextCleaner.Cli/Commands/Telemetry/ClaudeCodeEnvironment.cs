using System.Text;

namespace ContextCleaner.Cli.Commands.Telemetry;

/// <summary>The environment that points Claude Code's OTLP exporter at <c>telemetry serve</c>, for both protocols.</summary>
internal static class ClaudeCodeEnvironment
{
    public static IReadOnlyList<(string Name, string Value)> For(Uri endpoint, string protocol, string? token)
    {
        var variables = new List<(string, string)>
        {
            ("CLAUDE_CODE_ENABLE_TELEMETRY", "1"),
            ("OTEL_LOGS_EXPORTER", "otlp"),
            ("OTEL_METRICS_EXPORTER", "otlp"),
            ("OTEL_EXPORTER_OTLP_PROTOCOL", protocol),
            ("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint.GetLeftPart(UriPartial.Authority)),
        };
        if (token is not null)
        {
            // The OTel convention percent-encodes header values, but Claude Code 2.1.328 parses the variable itself
            // (split on ',' then on the first '=', trimmed) and sends "Bearer%20…" verbatim: write the space as is.
            variables.Add(("OTEL_EXPORTER_OTLP_HEADERS", "Authorization=Bearer " + token));
        }

        return variables;
    }

    public static string Script(Uri endpoint, string? token, bool storeContent)
    {
        var script = new StringBuilder();
        script.Append("# Point Claude Code at context-cleaner telemetry serve (").Append(endpoint.GetLeftPart(UriPartial.Authority)).Append("):\n");
        foreach (var (name, value) in For(endpoint, "http/protobuf", token))
        {
            script.Append("export ").Append(name).Append('=').Append(ShellQuote(value)).Append('\n');
        }

        script.Append("# or JSON instead of protobuf (both are accepted):\n# export OTEL_EXPORTER_OTLP_PROTOCOL='http/json'\n");
        script.Append("# retry attempts of requests that later succeeded are only in traces (beta):\n");
        script.Append("# export CLAUDE_CODE_ENHANCED_TELEMETRY_BETA=1 OTEL_TRACES_EXPORTER=otlp\n");
        if (storeContent)
        {
            script.Append("# prompt and response text (kept because of --store-content):\n");
            script.Append("# export OTEL_LOG_USER_PROMPTS=1 OTEL_LOG_ASSISTANT_RESPONSES=1 OTEL_LOG_TOOL_DETAILS=1\n");
        }

        return script.ToString();
    }

    // Single quotes keep everything literal; a quote inside is closed, escaped and reopened.
    private static string ShellQuote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
