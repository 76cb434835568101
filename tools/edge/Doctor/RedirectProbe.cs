namespace RealtimeStack.Cli.Doctor;

/// <summary>Asks the plain HTTP port for a path with a query (one that needs escaping) and records the answer.</summary>
public static class RedirectProbe
{
    /// <summary>A path and query whose escaping a redirect must keep.</summary>
    public const string PathAndQuery = "api/edge-doctor?from=http&q=a%20b";

    public static async Task<RedirectObservation> RunAsync(EdgeConnector edge, CancellationToken token)
    {
        var expected = edge.Https(PathAndQuery);
        if (edge.Options.Expectations.NoRedirectBecause is { } expectedNone) return new(null, expected, null, null, null, expectedNone);
        var httpsPort = edge.Options.HttpsUrl.Port;
        int? port = edge.Options.HttpPort ?? (httpsPort == 443 ? 80 : null);
        if (port is null)
            return new(null, expected, null, null, null,
                $"the HTTPS port is {httpsPort}, not 443, so the HTTP port cannot be derived: pass --http-port N");

        var requested = new UriBuilder(expected) { Scheme = Uri.UriSchemeHttp, Port = port.Value }.Uri;
        using var client = edge.CreateHttpClient();
        using var step = CancellationTokenSource.CreateLinkedTokenSource(token);
        step.CancelAfter(edge.Options.StepTimeout);
        try
        {
            using var response = await client.GetAsync(requested, HttpCompletionOption.ResponseHeadersRead, step.Token);
            edge.Record(EdgeKindDetector.RedirectProbe, response);
            var location = response.Headers.Location is { } l ? (l.IsAbsoluteUri ? l.AbsoluteUri : l.OriginalString) : null;
            return new(requested, expected, (int)response.StatusCode, location, null, null);
        }
        catch (OperationCanceledException) when (!token.IsCancellationRequested)
        {
            return new(requested, expected, null, null, $"no answer within {DoctorFormat.Duration(edge.Options.StepTimeout)}", null);
        }
        catch (HttpRequestException e)
        {
            return new(requested, expected, null, null, DoctorFormat.Failure(e), null);
        }
    }
}
