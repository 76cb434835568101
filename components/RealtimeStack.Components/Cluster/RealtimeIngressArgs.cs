using Pulumi;
using RealtimeStack.Edge.Cluster;

namespace RealtimeStack.Components.Cluster;

/// <summary>Arguments of <see cref="RealtimeIngress"/>.</summary>
internal sealed class RealtimeIngressArgs : ResourceArgs
{
    [Input("namespace", required: true)]
    public required Input<string> Namespace { get; init; }

    [Input("ingressClassName", required: true)]
    public required Input<string> IngressClassName { get; init; }

    [Input("tlsSecretName", required: true)]
    public required Input<string> TlsSecretName { get; init; }

    /// <summary>The server names, as the model validated them (Ingress hosts allow a leading *. only).</summary>
    public required IReadOnlyList<string> HostNames { get; init; }

    [Input("hosts", required: true)]
    public InputList<string> Hosts => HostNames.ToArray();

    /// <summary>One Ingress per route (annotations differ per route), from the model.</summary>
    public required IReadOnlyList<IngressRoute> Routes { get; init; }
}
