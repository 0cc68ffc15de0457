using ContextCleaner.Core.Events;
using ContextCleaner.Core.Pricing;

namespace ContextCleaner.Benchmarks.Store;

/// <summary>
/// A deterministic Claude Code history of any size, generated batch by batch (never held whole): event <c>i</c> belongs
/// to session <c>i / 500</c> (~20k sessions for 10 M events) in one of 200 projects (a few large, many small), sessions
/// start anywhere in 180 days before <see cref="EndUtc"/> and last a few hours. The mix: 60 % api_request, 15 %
/// tool_result, 12 % tool_decision, 8 % user_prompt, 5 % api_error. Requests are transcript copies (with project and
/// source file) in 85 % of sessions and OpenTelemetry copies in the rest; tools, decisions and prompts exist only in
/// OpenTelemetry. Ids follow the importers' rules (request id, transcript line uuid, OTLP record key) and are unique.
/// </summary>
internal sealed partial class SyntheticEvents(PriceTable prices)
{
    public const int EventsPerSession = 500;
    public const int Projects = 200;
    public const int Days = 180;
    private const ulong Seed = 0x5EED_2026_0401;
    private const long MillisecondsBetweenEvents = 20_000;

    public static readonly DateTime EndUtc = new(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc);

    private SyntheticSession? _session;

    public static DateTime StartUtc => EndUtc.AddDays(-Days);

    /// <summary>Events <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> − 1.</summary>
    public List<TelemetryEvent> Batch(long first, int count)
    {
        var events = new List<TelemetryEvent>(count);
        for (var i = first; i < first + count; i++)
        {
            events.Add(Event(i));
        }

        return events;
    }

    /// <summary>The session holding event <paramref name="index"/>.</summary>
    public SyntheticSession SessionOf(long index)
    {
        var s = index / EventsPerSession;
        if (_session?.Index != s)
        {
            _session = NewSession(s);
        }

        return _session;
    }

    private TelemetryEvent Event(long i)
    {
        var session = SessionOf(i);
        var draws = new Draws(Seed ^ Draws.Mix((ulong)i));
        var position = i % EventsPerSession;
        var timestamp = session.StartUtc.AddMilliseconds((position * MillisecondsBetweenEvents) + draws.Long(0, MillisecondsBetweenEvents));
        return draws.Int(100) switch
        {
            < 60 => Request(i, position, session, timestamp, ref draws),
            < 75 => Tool(position, session, timestamp, ref draws),
            < 87 => Decision(position, session, timestamp, ref draws),
            < 95 => Prompt(position, session, timestamp, ref draws),
            _ => Failure(i, position, session, timestamp, ref draws),
        };
    }

    private static SyntheticSession NewSession(long s)
    {
        var draws = new Draws(Draws.Mix(Seed + (ulong)s));
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, draws.Next());
        BitConverter.TryWriteBytes(bytes[8..], draws.Next());
        var id = new Guid(bytes).ToString();
        // Squared: project 0 gets the most sessions, the last ones a handful, as in a real team.
        var project = $"-home-dev-src-project-{(int)(Projects * Math.Pow(draws.Unit(), 2)):D3}";
        var span = TimeSpan.FromMilliseconds(EventsPerSession * MillisecondsBetweenEvents);
        var start = StartUtc.AddTicks((long)(draws.Unit() * (EndUtc - StartUtc - span).Ticks));
        start = new DateTime(start.Ticks - (start.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
        var model = draws.Int(100) switch
        {
            < 65 => "claude-sonnet-4-5-20250929",
            < 80 => start < new DateTime(2025, 11, 24, 0, 0, 0, DateTimeKind.Utc) ? "claude-opus-4-1-20250805" : "claude-opus-4-5-20251101",
            < 90 => "claude-opus-4-1-20250805",
            _ => "claude-haiku-4-5-20251001",
        };
        var otlpOnly = draws.Percent(15);
        return new SyntheticSession(s, id, project, $"/home/dev/.claude/projects/{project}/{id}.jsonl", "otlp:" + id,
            $"{draws.Next():x16}{draws.Next():x16}", start, model, otlpOnly, otlpOnly || draws.Percent(45), draws.Percent(25));
    }
}
