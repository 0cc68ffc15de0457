using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace ContextCleaner.Tests.Shared;

/// <summary>
/// A loopback TCP relay in front of a real server, to take that server "down" and bring it back on the same port
/// (<see cref="StopAsync"/>: connections refused and open ones cut; <see cref="Resume"/>) or make it slow
/// (<see cref="ResponseDelay"/>), without touching the server itself.
/// </summary>
internal sealed class TcpRelay : IAsyncDisposable
{
    private readonly IPEndPoint _target;
    private readonly ConcurrentDictionary<TcpClient, bool> _open = new();
    private TcpListener? _listener;
    private CancellationTokenSource? _running;
    private Task? _accepting;

    private TcpRelay(IPEndPoint target) => _target = target;

    /// <summary>The relay's port on 127.0.0.1 (the same after a stop and resume).</summary>
    public int Port { get; private set; }

    /// <summary>How long each chunk from the server is held before it is passed on.</summary>
    public TimeSpan ResponseDelay { get; set; }

    public static TcpRelay Start(string targetHost, int targetPort)
    {
        var relay = new TcpRelay(new IPEndPoint(IPAddress.Parse(targetHost == "localhost" ? "127.0.0.1" : targetHost), targetPort));
        relay.Resume();
        return relay;
    }

    /// <summary>Listens again (on the first start: on a free port).</summary>
    public void Resume()
    {
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _running = new CancellationTokenSource();
        _accepting = AcceptAsync(_listener, _running.Token);
    }

    /// <summary>Stops listening (new connections are refused) and cuts every open connection.</summary>
    public async Task StopAsync()
    {
        if (_running is null)
        {
            return;
        }

        await _running.CancelAsync();
        _listener!.Stop();
        foreach (var client in _open.Keys)
        {
            client.Close();
        }

        _open.Clear();
        await _accepting!.ConfigureAwait(false);
        _running.Dispose();
        _running = null;
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private async Task AcceptAsync(TcpListener listener, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await listener.AcceptTcpClientAsync(stop);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = RelayAsync(inbound, stop);
        }
    }

    private async Task RelayAsync(TcpClient inbound, CancellationToken stop)
    {
        using var outbound = new TcpClient();
        _open[inbound] = true;
        _open[outbound] = true;
        try
        {
            await outbound.ConnectAsync(_target, stop);
            await Task.WhenAny(PumpAsync(inbound.GetStream(), outbound.GetStream(), TimeSpan.Zero, stop),
                PumpAsync(outbound.GetStream(), inbound.GetStream(), ResponseDelay, stop));
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or IOException or ObjectDisposedException)
        {
        }
        finally
        {
            _open.TryRemove(inbound, out _);
            _open.TryRemove(outbound, out _);
            inbound.Dispose();
        }
    }

    private static async Task PumpAsync(Stream from, Stream to, TimeSpan delay, CancellationToken stop)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer, stop)) > 0)
            {
                if (delay > TimeSpan.Zero)
                {
                    await Task.Delay(delay, stop);
                }

                await to.WriteAsync(buffer.AsMemory(0, read), stop);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
        {
        }
    }
}
