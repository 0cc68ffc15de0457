namespace ContextCleaner.AnthropicStub.Hosting;

/// <summary>Picks the fault of each <c>/v1/messages</c> request: the script first, then the seeded random rates.</summary>
internal sealed class FaultPlanner(AnthropicStubOptions options)
{
    private readonly Queue<StubFault> _script = new(options.Faults);
    private readonly Random _random = new(options.Seed);
    private readonly Lock _lock = new();

    public StubFault Next(string? model)
    {
        // --faulty-model: other models (e.g. the fallback model) always succeed and leave the script alone.
        if (!string.IsNullOrEmpty(options.FaultyModel) && !(model ?? "").Contains(options.FaultyModel, StringComparison.Ordinal))
        {
            return StubFault.Ok;
        }

        lock (_lock)
        {
            if (_script.TryDequeue(out var scripted))
            {
                return scripted;
            }

            var draw = _random.NextDouble();
            var cumulative = 0.0;
            foreach (var (fault, rate) in options.FaultRates.InOrder())
            {
                cumulative += rate;
                if (draw < cumulative)
                {
                    return fault;
                }
            }

            return StubFault.Ok;
        }
    }
}
