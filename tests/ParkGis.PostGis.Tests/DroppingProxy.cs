using System.Net;
using System.Net.Sockets;

namespace ParkGis.PostGis.Tests;

/// <summary>
/// A TCP forwarder on 127.0.0.1 between Npgsql and the test server that can cut the connection like a dropped
/// network: after <see cref="DropAfter"/> is called, once the client has sent that many more bytes, both sockets are
/// reset mid-stream.
/// </summary>
internal sealed class DroppingProxy : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string _serverHost;
    private readonly int _serverPort;
    private readonly List<TcpClient> _open = [];
    private readonly Lock _gate = new();
    private long _bytesLeft = long.MaxValue;

    public DroppingProxy(string serverHost, int serverPort)
    {
        (_serverHost, _serverPort) = (serverHost, serverPort);
        _listener.Start();
        _ = Task.Run(AcceptAsync);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Cuts every connection once the client has sent <paramref name="bytes"/> more bytes.</summary>
    public void DropAfter(long bytes) => Interlocked.Exchange(ref _bytesLeft, bytes);

    public bool Dropped { get; private set; }

    public void Dispose()
    {
        _listener.Stop();
        Cut();
    }

    private async Task AcceptAsync()
    {
        while (true)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return;
            }

            var server = new TcpClient();
            await server.ConnectAsync(_serverHost, _serverPort);
            lock (_gate)
            {
                _open.Add(client);
                _open.Add(server);
            }

            _ = Task.Run(() => PumpAsync(client.GetStream(), server.GetStream(), counted: true));
            _ = Task.Run(() => PumpAsync(server.GetStream(), client.GetStream(), counted: false));
        }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to, bool counted)
    {
        var buffer = new byte[8192];
        try
        {
            while (true)
            {
                var read = await from.ReadAsync(buffer);
                if (read == 0)
                {
                    return;
                }

                if (counted && Interlocked.Add(ref _bytesLeft, -read) < 0)
                {
                    Dropped = true;
                    Cut();
                    return;
                }

                await to.WriteAsync(buffer.AsMemory(0, read));
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            // the other side is gone
        }
    }

    private void Cut()
    {
        lock (_gate)
        {
            foreach (var socket in _open)
            {
                try
                {
                    socket.Client.LingerState = new LingerOption(true, 0); // reset, as a dropped link looks to the peer
                    socket.Close();
                }
                catch (Exception e) when (e is SocketException or ObjectDisposedException)
                {
                    // already closed
                }
            }

            _open.Clear();
        }
    }
}
