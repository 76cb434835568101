namespace RealtimeStack.Components;

/// <summary>The type tokens of this package's components, as they appear in URNs and <c>pulumi preview</c>.</summary>
internal static class ComponentTypes
{
    /// <summary>The package's name in its schema and in every type token.</summary>
    public const string Package = "realtime";

    /// <summary>As the package schema names it, so C# and the other languages create the same resource.</summary>
    public const string Edge = Package + ":index:RealtimeEdge";

    /// <summary>The edge's token before the package schema existed: an alias keeps those stacks' resources.</summary>
    public const string FormerEdge = "realtime:edge:RealtimeEdge";

    public const string NginxContainerEdge = "realtime:edge:NginxContainerEdge";
    public const string IngressNginxEdge = "realtime:edge:IngressNginxEdge";
    public const string EnvoyGatewayEdge = "realtime:edge:EnvoyGatewayEdge";
    public const string Gateway = "realtime:edge:RealtimeGateway";
    public const string Backend = "realtime:edge:Backend";
    public const string TlsSecret = "realtime:edge:TlsSecret";
    public const string Ingress = "realtime:edge:RealtimeIngress";
    public const string DevCertificate = "realtime:edge:DevCertificate";
}
