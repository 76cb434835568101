using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;
using RealtimeStack.Edge.Nginx;
using RealtimeStack.Edge.Tls;
using RealtimeStack.Local;

namespace RealtimeStack.Cli.Tests.Support;

/// <summary>
/// nginx with the rendered configuration in front of <see cref="RecordingBackend"/>s (one per route), plain HTTP
/// served as well as HTTPS (no redirect), so a test can send any request, byte for byte, and see what each backend
/// received. Stopped by its process id.
/// </summary>
public sealed class RecordedEdge : IAsyncDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    private RecordedEdge(NginxProcess process, int httpPort, int httpsPort, string directory, RecordingBackend api, RecordingBackend sse, RecordingBackend ws)
    {
        (Process, HttpPort, HttpsPort, Directory) = (process, httpPort, httpsPort, directory);
        (Api, Sse, Ws) = (api, sse, ws);
    }

    public NginxProcess Process { get; }

    public int HttpPort { get; }

    public int HttpsPort { get; }

    public string Directory { get; }

    public RecordingBackend Api { get; }

    public RecordingBackend Sse { get; }

    public RecordingBackend Ws { get; }

    public IEnumerable<RecordingBackend> Backends => [Api, Sse, Ws];

    public static async Task<RecordedEdge> StartAsync(NginxBinary binary, string apiResponseHeaders = "", params (string, string)[] changes)
    {
        var api = new RecordingBackend(answer: true, apiResponseHeaders);
        var sse = new RecordingBackend(answer: true);
        var ws = new RecordingBackend(answer: true);
        try
        {
            var nginx = await StartNginxAsync(binary, api.Address, sse.Address, ws.Address, changes);
            return new RecordedEdge(nginx.Process, nginx.HttpPort, nginx.HttpsPort, nginx.Directory, api, sse, ws);
        }
        catch
        {
            await api.DisposeAsync();
            await sse.DisposeAsync();
            await ws.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// nginx on 127.0.0.1 and free ports with the rendered configuration for these server lists (plain HTTP served,
    /// no redirect; a certificate for <see cref="LocalEdgeFixture.Host"/>), in a private directory the caller removes.
    /// </summary>
    public static async Task<(NginxProcess Process, int HttpPort, int HttpsPort, string Directory)> StartNginxAsync(
        NginxBinary binary, string api, string sse, string ws, params (string, string)[] changes)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("realtime-recorded-").FullName;
        try
        {
            var ports = FreePort.Take(3);
            var spec = Stacks.Spec([
                ("apiServers", api), ("sseServers", sse), ("wsServers", ws),
                ("httpPort", ports[0].ToString(CultureInfo.InvariantCulture)),
                ("httpsPort", ports[1].ToString(CultureInfo.InvariantCulture)),
                ("statusPort", ports[2].ToString(CultureInfo.InvariantCulture)),
                ("redirectHttp", "false"),
                ("maxStreams", LocalEdgeFixture.MaxStreams),
                ("nginxVersion", binary.Version.ToString()),
                .. changes]);
            var pem = SelfSignedCertificate.Create([LocalEdgeFixture.Host], TimeSpan.FromDays(1));
            var files = new EdgeFiles(NginxConfRenderer.Render(spec, NginxLayout.Local(directory)), pem.CertificatePem, pem.PrivateKeyPem);
            return (await NginxProcess.StartAsync(binary, directory, files, ports[..2]), ports[0], ports[1], directory);
        }
        catch
        {
            System.IO.Directory.Delete(directory, recursive: true);
            throw;
        }
    }

    /// <summary>Sends <paramref name="head"/> (request line and headers, without the blank line) on a new plain HTTP
    /// connection, as written; returns nginx's whole answer.</summary>
    public async Task<string> SendAsync(string head, IPAddress? from = null)
    {
        using var timeout = new CancellationTokenSource(Bound);
        using var socket = await Loopback.ConnectAsync(HttpPort, from, timeout.Token);
        await socket.SendAsync(Encoding.ASCII.GetBytes(head + "\r\nConnection: close\r\n\r\n"), SocketFlags.None, timeout.Token);
        using var stream = new NetworkStream(socket);
        using var reader = new StreamReader(stream, Encoding.ASCII);
        return await reader.ReadToEndAsync(timeout.Token);
    }

    /// <summary>The status code of nginx's answer to <paramref name="head"/>.</summary>
    public async Task<int> StatusAsync(string head, IPAddress? from = null)
    {
        var answer = await SendAsync(head, from);
        return int.Parse(answer.Split(' ', 3)[1], CultureInfo.InvariantCulture);
    }

    /// <summary>An HTTP/2 client of the TLS listener (the certificate made for this edge is trusted).</summary>
    public HttpClient Http2Client()
    {
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            ConnectCallback = (context, token) => Loopback.StreamAsync(HttpsPort, from: null, token),
            SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = (_, _, _, _) => true },
        };
        return new HttpClient(handler)
        {
            Timeout = Bound,
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
    }

    public Uri Https(string path) => new($"https://{LocalEdgeFixture.Host}:{HttpsPort}{path}");

    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
        foreach (var backend in Backends) await backend.DisposeAsync();
        try { System.IO.Directory.Delete(Directory, recursive: true); }
        catch (IOException) { /* files of exiting workers; the OS cleans /tmp */ }
    }
}
