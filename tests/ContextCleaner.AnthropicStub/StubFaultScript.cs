namespace ContextCleaner.AnthropicStub;

/// <summary>Reads and writes fault scripts in the Python stub's <c>--faults</c> syntax (<c>529,529,ok</c>).</summary>
public static class StubFaultScript
{
    private static readonly (string Name, StubFault Fault)[] Names =
    [
        ("ok", StubFault.Ok),
        ("529", StubFault.Overloaded),
        ("429", StubFault.RateLimit),
        ("500", StubFault.ServerError),
        ("400", StubFault.PromptTooLong),
        ("slow", StubFault.Slow),
        ("stream_error", StubFault.StreamError),
    ];

    /// <summary>Parses a comma-separated list such as <c>529,529,ok</c>; blanks are skipped.</summary>
    /// <exception cref="FormatException">An entry is not one of <c>ok 529 429 500 400 slow stream_error</c>.</exception>
    public static IReadOnlyList<StubFault> Parse(string script)
    {
        ArgumentNullException.ThrowIfNull(script);
        var faults = new List<StubFault>();
        foreach (var entry in script.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var match = Array.FindIndex(Names, n => string.Equals(n.Name, entry, StringComparison.OrdinalIgnoreCase));
            if (match < 0)
            {
                throw new FormatException(
                    $"Unknown fault '{entry}' in '{script}'; expected one of {string.Join(' ', Names.Select(n => n.Name))}.");
            }

            faults.Add(Names[match].Fault);
        }

        return faults;
    }

    /// <summary>The wire name of a fault (<c>529</c> for <see cref="StubFault.Overloaded"/>, …).</summary>
    public static string ToWireName(StubFault fault)
    {
        foreach (var (name, value) in Names)
        {
            if (value == fault)
            {
                return name;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(fault), fault, "Not a defined fault.");
    }
}
