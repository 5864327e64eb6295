using System.Net;
using System.Net.Sockets;
using System.Text;
using ParkGis.Serve;

namespace ParkGis.Cli.Tests.Serve;

/// <summary>
/// The sample exported once with tiles (<c>export --tiles --as-of 2026-06-30</c>) and served on 127.0.0.1 at a free
/// port, shared by the tests of a class. HTTP through a client that does not decompress, so bytes are compared as sent.
/// </summary>
public sealed class ServedSample : IAsyncLifetime
{
    public string Folder { get; } = RepositoryPaths.NewTempFolder();

    public ServedContent Content { get; private set; } = null!;

    public ParkGisServer Server { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var run = CliRun.Of("export", RepositoryPaths.OrdosSample, "--out", Folder, "--as-of", "2026-06-30", "--tiles", "--overwrite");
        Assert.True(run.ExitCode == 1, run.ToString());
        Content = ServedContent.Load(ServedFolder.Open(Folder));
        Server = await ParkGisServer.StartAsync(Content, IPAddress.Loopback, 0);
        Http = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None, AllowAutoRedirect = false })
        {
            BaseAddress = Server.Address,
        };
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Server.StopAsync(TimeSpan.FromSeconds(1));
        await Server.DisposeAsync();
        Content.Dispose();
    }
}

/// <summary>Raw HTTP/1.1 over a socket to 127.0.0.1: the request target is sent exactly as written (HttpClient would normalise <c>..</c>).</summary>
internal static class RawHttp
{
    public static async Task<(int Status, string Text)> Get(Uri server, string target)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, server.Port);
        await using var stream = client.GetStream();
        var request = Encoding.UTF8.GetBytes($"GET {target} HTTP/1.1\r\nHost: 127.0.0.1:{server.Port}\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(request);
        using var response = new MemoryStream();
        await stream.CopyToAsync(response);
        var text = Encoding.UTF8.GetString(response.ToArray());
        var status = text.Length >= 12 && text.StartsWith("HTTP/1.1 ", StringComparison.Ordinal) ? int.Parse(text.AsSpan(9, 3), System.Globalization.CultureInfo.InvariantCulture) : 0;
        return (status, text);
    }
}
