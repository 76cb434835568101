namespace RealtimeStack.Components;

/// <summary>The type tokens of this package's components, as they appear in URNs and <c>pulumi preview</c>.</summary>
public static class ComponentTypes
{
    public const string Edge = "realtime:edge:RealtimeEdge";
    public const string NginxContainerEdge = "realtime:edge:NginxContainerEdge";
    public const string IngressNginxEdge = "realtime:edge:IngressNginxEdge";
    public const string Backend = "realtime:edge:Backend";
    public const string TlsSecret = "realtime:edge:TlsSecret";
    public const string Ingress = "realtime:edge:RealtimeIngress";
    public const string DevCertificate = "realtime:edge:DevCertificate";
}
