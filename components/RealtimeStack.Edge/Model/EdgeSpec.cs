namespace RealtimeStack.Edge.Model;

/// <summary>
/// The single source of truth for an edge. nginx.conf, the Ingress annotations, the controller settings and the
/// backend settings are all computed from it. Build it with <see cref="Configuration.EdgeConfigBinder"/>, which validates
/// every value; a value that reaches a rendered file has passed that validation.
/// </summary>
public sealed record EdgeSpec(
    IReadOnlyList<ServerName> ServerNames,
    ListenSpec Listen,
    TlsSpec Tls,
    UpstreamsSpec Upstreams,
    RoutesSpec Routes,
    BodySpec Body,
    GzipSpec Gzip,
    CapacitySpec Capacity,
    LimitsSpec Limits,
    ClientAddressSpec ClientAddress,
    MetricsSpec Metrics,
    NginxVersion NginxVersion)
{
    public ServerName PrimaryName => ServerNames[0];

    /// <summary>The names a self-signed certificate for this edge carries: every served name a certificate can name,
    /// and localhost (so a local client can reach it by that name).</summary>
    public IReadOnlyList<string> SelfSignedNames => ServerNames.Where(n => n.FitsCertificate).Select(n => n.Value).Append("localhost").Distinct().ToArray();

    /// <summary>The public HTTPS base URL, with the port only when it is not 443.</summary>
    public string PublicUrl => Listen.HttpsPort == 443 ? $"https://{PrimaryName}/" : $"https://{PrimaryName}:{Listen.HttpsPort}/";
}
