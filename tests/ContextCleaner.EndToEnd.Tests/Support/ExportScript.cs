namespace ContextCleaner.EndToEnd.Tests.Support;

/// <summary>
/// The output of <c>telemetry serve --print-env</c> read the way a shell would: <c>export NAME='value'</c> lines are
/// the variables to set; the commented <c># export …</c> lines are the alternatives it suggests (the JSON protocol,
/// the traces beta), kept apart so a test opts into them by name.
/// </summary>
internal sealed class ExportScript
{
    private ExportScript(Dictionary<string, string> exports, Dictionary<string, string> suggestions)
    {
        Exports = exports;
        Suggestions = suggestions;
    }

    /// <summary>Variables of the uncommented <c>export</c> lines.</summary>
    public IReadOnlyDictionary<string, string> Exports { get; }

    /// <summary>Variables of the commented-out <c># export</c> lines.</summary>
    public IReadOnlyDictionary<string, string> Suggestions { get; }

    public static ExportScript Parse(string text)
    {
        var exports = new Dictionary<string, string>(StringComparer.Ordinal);
        var suggestions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            var commented = line.StartsWith('#');
            var body = commented ? line.TrimStart('#').TrimStart() : line;
            if (!body.StartsWith("export ", StringComparison.Ordinal))
            {
                continue;     // prose comments
            }

            foreach (var (name, value) in Assignments(body["export ".Length..], raw))
            {
                (commented ? suggestions : exports)[name] = value;
            }
        }

        return new ExportScript(exports, suggestions);
    }

    /// <summary>
    /// The exports, with the suggested protocol when <paramref name="protocol"/> is not the default one, and the
    /// suggested traces variables when <paramref name="traces"/> is set; fails when the script does not offer them.
    /// </summary>
    public Dictionary<string, string> For(string protocol, bool traces)
    {
        const string ProtocolVariable = "OTEL_EXPORTER_OTLP_PROTOCOL";
        var variables = new Dictionary<string, string>(Exports, StringComparer.Ordinal);
        if (variables.GetValueOrDefault(ProtocolVariable) != protocol)
        {
            if (Suggestions.GetValueOrDefault(ProtocolVariable) != protocol)
            {
                throw new InvalidOperationException($"--print-env offers neither an export nor a suggestion of {ProtocolVariable}='{protocol}'.");
            }

            variables[ProtocolVariable] = protocol;
        }

        if (traces)
        {
            foreach (var name in (string[])["CLAUDE_CODE_ENHANCED_TELEMETRY_BETA", "OTEL_TRACES_EXPORTER"])
            {
                variables[name] = Suggestions.TryGetValue(name, out var value)
                    ? value
                    : throw new InvalidOperationException($"--print-env does not suggest {name}.");
            }
        }

        return variables;
    }

    // NAME='value' or NAME=value, separated by blanks; a quoted value may hold blanks.
    private static IEnumerable<(string Name, string Value)> Assignments(string text, string line)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == ' ')
            {
                i++;
                continue;
            }

            var equals = text.IndexOf('=', i);
            if (equals < 0)
            {
                throw new FormatException($"Not NAME=value: {line}");
            }

            var name = text[i..equals];
            string value;
            if (equals + 1 < text.Length && text[equals + 1] == '\'')
            {
                var close = text.IndexOf('\'', equals + 2);
                if (close < 0)
                {
                    throw new FormatException($"Unclosed quote: {line}");
                }

                value = text[(equals + 2)..close];
                i = close + 1;
            }
            else
            {
                var end = text.IndexOf(' ', equals);
                end = end < 0 ? text.Length : end;
                value = text[(equals + 1)..end];
                i = end;
            }

            yield return (name, value);
        }
    }
}
