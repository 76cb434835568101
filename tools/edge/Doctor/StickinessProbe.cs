namespace RealtimeStack.Cli.Doctor;

/// <summary>
/// Reconnects the way a browser does after a dropped stream: each attempt is a new connection (a new TLS session)
/// carrying the cookies the edge set, so both address- and cookie-based pinning are exercised.
/// </summary>
public static class StickinessProbe
{
    /// <summary>A stream that ends at once: buffering cannot hold back its headers, so stickiness is measured on its own.</summary>
    public const string SsePath = "sse/edge-doctor?interval=10&count=1";

    public static async Task<StickinessObservation> SseAsync(EdgeConnector edge, CancellationToken token)
    {
        var instances = new List<string?>();
        for (var attempt = 1; attempt <= edge.Options.Reconnects; attempt++)
        {
            using var client = edge.CreateHttpClient();
            using var step = CancellationTokenSource.CreateLinkedTokenSource(token);
            step.CancelAfter(edge.Options.StepTimeout);
            try
            {
                using var response = await client.GetAsync(edge.Https(SsePath), HttpCompletionOption.ResponseHeadersRead, step.Token);
                if (response.StatusCode != System.Net.HttpStatusCode.OK)
                    return new("sse", instances, $"reconnect {attempt}: HTTP {(int)response.StatusCode}");
                instances.Add(BackendEcho.From("sse", response).Instance);
            }
            catch (OperationCanceledException) when (!token.IsCancellationRequested)
            {
                return new("sse", instances, $"reconnect {attempt}: no answer within {DoctorFormat.Duration(edge.Options.StepTimeout)}");
            }
            catch (HttpRequestException e)
            {
                return new("sse", instances, $"reconnect {attempt}: {DoctorFormat.Failure(e)}");
            }
        }
        return new("sse", instances, null);
    }

    public static async Task<StickinessObservation> WebSocketAsync(EdgeConnector edge, CancellationToken token)
    {
        var instances = new List<string?>();
        for (var attempt = 1; attempt <= edge.Options.Reconnects; attempt++)
        {
            try
            {
                var (instance, problem) = await WebSocketProbe.ReconnectAsync(edge, token);
                if (problem is not null) return new("ws", instances, $"reconnect {attempt}: {problem}");
                instances.Add(instance);
            }
            catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or TimeoutException or InvalidDataException
                                       or System.Security.Authentication.AuthenticationException)
            {
                return new("ws", instances, $"reconnect {attempt}: {DoctorFormat.Failure(e)}");
            }
        }
        return new("ws", instances, null);
    }
}
