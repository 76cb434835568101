using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace RealtimeStack.Cli.Doctor;

/// <summary>
/// How the doctor reaches the edge: TCP to the URL's host (or <see cref="DoctorOptions.ConnectTo"/>), TLS with the
/// URL's host as SNI, and HTTP clients that go the same way. After the TLS checks, HTTPS connections accept only the
/// certificate those checks judged (<see cref="Pin"/>), never anything else.
/// </summary>
public sealed class EdgeConnector(DoctorOptions options)
{
    private readonly ConcurrentQueue<ServerHeaderObservation> _answers = new();
    private string? _pinnedSha256;

    public DoctorOptions Options { get; } = options;

    /// <summary>The base URL with a trailing slash, so relative paths resolve below it.</summary>
    public Uri BaseUrl { get; } = options.HttpsUrl.AbsolutePath.EndsWith('/')
        ? options.HttpsUrl
        : new UriBuilder(options.HttpsUrl) { Path = options.HttpsUrl.AbsolutePath + "/" }.Uri;

    /// <summary>The host as it goes into DNS, SNI and certificate name matching (no brackets around IPv6).</summary>
    public string Host => Options.HttpsUrl.DnsSafeHost;

    /// <summary>Host[:port] as the client sends it in the Host header.</summary>
    public string Authority => Options.HttpsUrl.Authority;

    /// <summary>Cookies the edge sets (an affinity cookie, say) go back on every later request, as a browser's would.</summary>
    public CookieContainer Cookies { get; } = new();

    public Uri Https(string relative) => new(BaseUrl, relative);

    /// <summary>The Server header of every answer the probes recorded, to tell the kind of edge by.</summary>
    public IReadOnlyList<ServerHeaderObservation> Answers => [.. _answers];

    public void Record(string probe, int status, string? server) => _answers.Enqueue(new(probe, status, server));

    public void Record(string probe, HttpResponseMessage response) =>
        Record(probe, (int)response.StatusCode, response.Headers.TryGetValues("Server", out var values) ? string.Join(" ", values) : null);

    public void Pin(X509Certificate2 certificate) => _pinnedSha256 = certificate.GetCertHashString(HashAlgorithmName.SHA256);

    public bool IsPinned(X509Certificate? certificate) =>
        _pinnedSha256 is not null && certificate is not null && certificate.GetCertHashString(HashAlgorithmName.SHA256) == _pinnedSha256;

    /// <summary>A TCP connection to <paramref name="port"/> on the edge, bounded by the step timeout.</summary>
    public async Task<Socket> ConnectAsync(int port, CancellationToken token)
    {
        using var step = CancellationTokenSource.CreateLinkedTokenSource(token);
        step.CancelAfter(Options.StepTimeout);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            EndPoint target = Options.ConnectTo is { } address ? new IPEndPoint(address, port)
                : IPAddress.TryParse(Host, out var literal) ? new IPEndPoint(literal, port)
                : new DnsEndPoint(Host, port);
            await socket.ConnectAsync(target, step.Token);
            return socket;
        }
        catch (OperationCanceledException) when (!token.IsCancellationRequested)
        {
            socket.Dispose();
            throw new TimeoutException($"no answer within {DoctorFormat.Duration(Options.StepTimeout)}");
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>A TLS connection to the HTTPS port. <paramref name="validate"/> decides about the certificate;
    /// null accepts only the pinned one. A TCP failure throws what <see cref="ConnectAsync"/> throws; a TLS
    /// failure (including a handshake that does not finish in time) throws an IOException or AuthenticationException.</summary>
    public async Task<SslStream> OpenTlsAsync(IReadOnlyList<SslApplicationProtocol> protocols, RemoteCertificateValidationCallback? validate, CancellationToken token) =>
        await AuthenticateAsync(await ConnectAsync(Options.HttpsUrl.Port, token), protocols, validate, token);

    /// <summary>TLS on a connected socket (which the returned stream then owns).</summary>
    public async Task<SslStream> AuthenticateAsync(Socket socket, IReadOnlyList<SslApplicationProtocol> protocols, RemoteCertificateValidationCallback? validate, CancellationToken token)
    {
        var tls = new SslStream(new NetworkStream(socket, ownsSocket: true), leaveInnerStreamOpen: false);
        using var step = CancellationTokenSource.CreateLinkedTokenSource(token);
        step.CancelAfter(Options.StepTimeout);
        try
        {
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = Host,
                ApplicationProtocols = [.. protocols],
                EnabledSslProtocols = SslProtocols.None, // the operating system's choice: TLS 1.2 and 1.3
                CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
                RemoteCertificateValidationCallback = validate ?? ((_, certificate, _, _) => IsPinned(certificate)),
            }, step.Token);
            return tls;
        }
        catch (OperationCanceledException) when (!token.IsCancellationRequested)
        {
            await tls.DisposeAsync();
            throw new IOException($"no TLS handshake within {DoctorFormat.Duration(Options.StepTimeout)}");
        }
        catch
        {
            await tls.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// An HTTP client that connects like the probes do, follows no redirects, decompresses nothing (the checks look at
    /// Content-Encoding themselves), uses HTTP/2 when the edge offers it, and shares <see cref="Cookies"/>. Each
    /// client has its own connections, so a new client is a new connection.
    /// </summary>
    public HttpClient CreateHttpClient()
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseProxy = false,
            UseCookies = true,
            CookieContainer = Cookies,
            ConnectTimeout = Options.StepTimeout,
            ConnectCallback = async (context, token) => new NetworkStream(await ConnectAsync(context.DnsEndPoint.Port, token), ownsSocket: true),
        };
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) => IsPinned(certificate);
        handler.SslOptions.CertificateRevocationCheckMode = X509RevocationMode.NoCheck;
        return new HttpClient(handler)
        {
            Timeout = Timeout.InfiniteTimeSpan, // every call is bounded by its own token
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
        };
    }
}
