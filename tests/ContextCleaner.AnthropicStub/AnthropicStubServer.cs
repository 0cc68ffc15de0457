using ContextCleaner.AnthropicStub.Hosting;
using Microsoft.AspNetCore.Builder;

namespace ContextCleaner.AnthropicStub;

/// <summary>
/// A local Anthropic Messages API on 127.0.0.1 and a free port, answering as the Python stub that produced the
/// Claude Code 2.1.328 fixtures did; point <c>ANTHROPIC_BASE_URL</c> at <see cref="BaseAddress"/>.
/// </summary>
public sealed class AnthropicStubServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly StubTimeline _timeline;
    private readonly CancellationTokenSource _stopping;
    private int _disposed;

    private AnthropicStubServer(WebApplication app, StubTimeline timeline, CancellationTokenSource stopping, AnthropicStubOptions options)
    {
        _app = app;
        _timeline = timeline;
        _stopping = stopping;
        Options = options;
        BaseAddress = StubApplication.BoundAddress(app);
    }

    /// <summary>The stub's root, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The options the stub runs with.</summary>
    public AnthropicStubOptions Options { get; }

    /// <summary>A snapshot of the timeline: every request in arrival order, in-flight ones with a null status.</summary>
    public IReadOnlyList<StubRequestRecord> Requests => _timeline.Snapshot();

    /// <summary>Starts a stub.</summary>
    /// <exception cref="ArgumentException">The options are invalid (every problem in one message).</exception>
    public static async Task<AnthropicStubServer> StartAsync(AnthropicStubOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var timeline = new StubTimeline();
        var stopping = new CancellationTokenSource();
        var app = StubApplication.Build(options, timeline, stopping.Token);
        try
        {
            await app.StartAsync(cancellationToken);
            return new AnthropicStubServer(app, timeline, stopping, options);
        }
        catch
        {
            await app.DisposeAsync();
            stopping.Dispose();
            throw;
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds for the timeline; returns that snapshot.</summary>
    public Task<IReadOnlyList<StubRequestRecord>> WaitUntilAsync(
        Func<IReadOnlyList<StubRequestRecord>, bool> condition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return _timeline.WaitUntilAsync(condition, cancellationToken);
    }

    /// <summary>Waits until at least <paramref name="count"/> requests have completed (or been abandoned).</summary>
    public Task<IReadOnlyList<StubRequestRecord>> WaitForCompletedRequestsAsync(int count, CancellationToken cancellationToken) =>
        _timeline.WaitUntilAsync(records => records.Count(r => r.IsCompleted) >= count, cancellationToken);

    /// <summary>Cancels in-flight answers (their clients see the connection drop), stops listening and frees the port.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync();
        try
        {
            await _app.StopAsync(CancellationToken.None);
        }
        finally
        {
            await _app.DisposeAsync();
            _stopping.Dispose();
        }
    }
}
