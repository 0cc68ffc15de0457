namespace ContextCleaner.AnthropicStub;

/// <summary>
/// Probabilities (0..1) of a random fault on a request the fault script does not cover, drawn in the Python stub's
/// order 529, 429, 500, 400 from one seeded random number (<see cref="AnthropicStubOptions.Seed"/>).
/// </summary>
/// <param name="Overloaded">Probability of a 529.</param>
/// <param name="RateLimit">Probability of a 429.</param>
/// <param name="ServerError">Probability of a 500.</param>
/// <param name="PromptTooLong">Probability of a 400 prompt-too-long.</param>
public sealed record StubFaultRates(
    double Overloaded = 0,
    double RateLimit = 0,
    double ServerError = 0,
    double PromptTooLong = 0)
{
    /// <summary>No random faults.</summary>
    public static StubFaultRates None { get; } = new();

    /// <summary>Every request not covered by the script gets <paramref name="fault"/> (<c>--rate-529 1</c>, …).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The fault has no rate (ok, slow, stream_error).</exception>
    public static StubFaultRates Always(StubFault fault) => fault switch
    {
        StubFault.Overloaded => new(Overloaded: 1),
        StubFault.RateLimit => new(RateLimit: 1),
        StubFault.ServerError => new(ServerError: 1),
        StubFault.PromptTooLong => new(PromptTooLong: 1),
        _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, "Only 529, 429, 500 and 400 have rates."),
    };

    /// <summary>The rates in drawing order.</summary>
    internal IEnumerable<(StubFault Fault, double Rate)> InOrder()
    {
        yield return (StubFault.Overloaded, Overloaded);
        yield return (StubFault.RateLimit, RateLimit);
        yield return (StubFault.ServerError, ServerError);
        yield return (StubFault.PromptTooLong, PromptTooLong);
    }
}
