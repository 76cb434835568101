using System.Collections.Immutable;
using Pulumi;
using RealtimeStack.Edge.Configuration;

namespace RealtimeStack.Components.Cluster;

/// <summary>Arguments of <see cref="RealtimeIngress"/>.</summary>
internal sealed class RealtimeIngressArgs : ResourceArgs
{
    [Input("namespace", required: true)]
    public required Input<string> Namespace { get; init; }

    /// <summary>The IngressClass the controller serves, as the model names it.</summary>
    [Input("ingressClassName", required: true)]
    public Input<string> IngressClassName => Model.Apply(m => m.Deployment.IngressClass);

    [Input("tlsSecretName", required: true)]
    public required Input<string> TlsSecretName { get; init; }

    /// <summary>The model of the plain inputs: the routes, one Ingress each (annotations differ per route).</summary>
    public required StackModel Shape { get; init; }

    public required Output<StackModel> Model { get; init; }

    /// <summary>The server names, as the model validated them (Ingress hosts allow a leading *. only).</summary>
    [Input("hosts", required: true)]
    public InputList<string> Hosts => Model.Apply(m => m.Edge.ServerNames.Select(n => n.Value).ToImmutableArray());
}
