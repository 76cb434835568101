using System.Net;
using System.Net.Sockets;

namespace RealtimeStack.Cli.Status;

/// <summary>Fetches the status URL (plain HTTP, optionally connecting to another address with the URL's Host).</summary>
public sealed class StatusReader(Uri url, IPAddress? connectTo, TimeSpan timeout) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        ConnectTimeout = timeout,
        // One connection per reading, closed after: a kept-alive probe would sit in "waiting" between readings.
        PooledConnectionLifetime = TimeSpan.Zero,
        ConnectCallback = async (context, token) =>
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                EndPoint target = connectTo is not null ? new IPEndPoint(connectTo, context.DnsEndPoint.Port) : context.DnsEndPoint;
                await socket.ConnectAsync(target, token);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    })
    { Timeout = timeout };

    /// <summary>The reading, or throws <see cref="StatusUnavailableException"/> naming what went wrong.</summary>
    public async Task<StubStatus> ReadAsync(CancellationToken token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.ConnectionClose = true;
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, token);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or SocketException)
        {
            throw new StatusUnavailableException($"{url}: no answer ({Innermost(e)})");
        }
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(token);
            if (response.StatusCode != HttpStatusCode.OK)
                throw new StatusUnavailableException($"{url}: HTTP {(int)response.StatusCode} instead of 200 (is this the status listener, realtime:statusPort, and is the path {Edge.Model.MetricsSpec.StatusPath}?)");
            return StubStatus.Parse(body, out var problem) ?? throw new StatusUnavailableException($"{url}: {problem}");
        }
    }

    private static string Innermost(Exception e)
    {
        while (e.InnerException is not null) e = e.InnerException;
        return e is TaskCanceledException or TimeoutException ? "timed out" : e.Message;
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>The status could not be read or understood (exit 1).</summary>
public sealed class StatusUnavailableException(string message) : Exception(message);
