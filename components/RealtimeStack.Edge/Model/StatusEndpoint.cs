namespace RealtimeStack.Edge.Model;

/// <summary>Where nginx's status answers for a given host: http://host:StatusPort/stub_status.</summary>
public static class StatusEndpoint
{
    public static Uri For(string host, MetricsSpec metrics) =>
        new UriBuilder(Uri.UriSchemeHttp, host, metrics.StatusPort, MetricsSpec.StatusPath).Uri;
}
