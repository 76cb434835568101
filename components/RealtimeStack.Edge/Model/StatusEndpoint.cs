namespace RealtimeStack.Edge.Model;

/// <summary>Where nginx's status (stub_status) answers: one definition for everything that scrapes or reads it.</summary>
public static class StatusEndpoint
{
    /// <summary>The status URL on <paramref name="host"/> (a name or an address; IPv6 is bracketed).</summary>
    public static Uri For(string host, MetricsSpec metrics) =>
        new UriBuilder(Uri.UriSchemeHttp, host, metrics.StatusPort, MetricsSpec.StatusPath).Uri;
}
