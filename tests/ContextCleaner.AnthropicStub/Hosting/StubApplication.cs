using System.Net;
using ContextCleaner.AnthropicStub.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ContextCleaner.AnthropicStub.Hosting;

/// <summary>The Kestrel host: loopback only, a free port, no logging, the stub's routes.</summary>
internal static class StubApplication
{
    // StopAsync waits this long for in-flight requests; the stub cancels its own waits first, so it is a backstop.
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(5);

    public static WebApplication Build(AnthropicStubOptions options, StubTimeline timeline, CancellationToken stopping)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(StubApplication).Assembly.GetName().Name,
        });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, 0);
        });
        builder.Services.AddRoutingCore();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = ShutdownTimeout);
        var app = builder.Build();

        var messages = new MessagesEndpoint(
            options,
            timeline,
            new FaultPlanner(options),
            new ReplyPlanner(options.ReplyText, options.ToolUses),
            new PromptCache(),
            stopping);
        var simple = new SimpleEndpoints(options, timeline, stopping);
        app.MapPost("/v1/messages", messages.HandleAsync);
        app.MapPost("/v1/messages/count_tokens", simple.CountTokensAsync);
        app.MapMethods("/api/hello", [HttpMethods.Head], simple.HelloAsync);
        // "{*path}" rather than the default "{*path:nonfile}": every unknown path, and every other method on a known
        // one (instead of routing's 405), gets the API's 404 and is recorded.
        app.MapFallback("{*path}", simple.NotFoundAsync);
        return app;
    }

    /// <summary>The address Kestrel bound (the port is chosen by the OS).</summary>
    public static Uri BoundAddress(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()
            ?? throw new InvalidOperationException("Kestrel exposes no server addresses.");
        return new Uri(addresses.Addresses.Single());
    }
}
