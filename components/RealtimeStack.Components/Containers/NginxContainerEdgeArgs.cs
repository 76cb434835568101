using Pulumi;
using RealtimeStack.Components.Inputs;
using RealtimeStack.Edge.Containers;
using RealtimeStack.Edge.Model;

namespace RealtimeStack.Components.Containers;

/// <summary>Arguments of <see cref="NginxContainerEdge"/>.</summary>
internal sealed class NginxContainerEdgeArgs : ResourceArgs
{
    public required EdgeSpec Edge { get; init; }

    [Input("certificatePem", required: true)]
    public required Input<string> CertificatePem { get; init; }

    /// <summary>Taken as a secret whatever the caller passes.</summary>
    [Input("privateKeyPem", required: true)]
    public required Input<string> PrivateKeyPem { get; init; }

    /// <summary>The backends' image; null builds it as <see cref="Build"/> says.</summary>
    [Input("backendImage")]
    public Input<string>? BackendImage { get; init; }

    [Input("backendBuild")]
    public BackendBuildArgs? Build { get; init; }

    /// <summary>The metrics exporter beside nginx; null when metrics are off.</summary>
    public MetricsExporter? Exporter { get; init; }

    /// <summary>Prefix of every Docker object's name, unique on the engine.</summary>
    [Input("namePrefix", required: true)]
    public required Input<string> NamePrefix { get; init; }
}
