using Pulumi;
using Pulumi.Kubernetes.Helm.V3;
using Pulumi.Kubernetes.Types.Inputs.Helm.V3;
using RealtimeStack.Edge.Cluster;

namespace RealtimeStack.Components.Cluster;

/// <summary>
/// The ingress-nginx controller as a Helm release, pinned to the chart's last release, with values computed from
/// the model (<see cref="ControllerValues"/>): ConfigMap, capacity, drain time, a dedicated IngressClass,
/// <c>externalTrafficPolicy: Local</c>, snippets off.
/// </summary>
internal sealed class IngressNginxEdge : ComponentResource
{
    [Output("ingressClass")]
    public Output<string> IngressClass { get; private set; }

    [Output("releaseName")]
    public Output<string> ReleaseName { get; private set; }

    [Output("controllerNamespace")]
    public Output<string> ControllerNamespace { get; private set; }

    public IngressNginxEdge(string name, IngressNginxEdgeArgs args, ComponentResourceOptions? options = null)
        : base(ComponentTypes.IngressNginxEdge, name, args, options)
    {
        // The controller's namespace is a resource of the stack, not a side effect of the release (Helm's
        // createNamespace), so Pulumi owns it and deletes it with the stack.
        var controllerNamespace = new Pulumi.Kubernetes.Core.V1.Namespace($"{name}-namespace", new Pulumi.Kubernetes.Types.Inputs.Core.V1.NamespaceArgs
        {
            Metadata = new Pulumi.Kubernetes.Types.Inputs.Meta.V1.ObjectMetaArgs { Name = IngressNginxChart.NamespaceOf(args.Deployment) },
        }, new CustomResourceOptions { Parent = this }).Metadata.Apply(m => m.Name);
        var values = new InputMap<object>();
        foreach (var (key, value) in ControllerValues.For(args.Edge, args.Deployment)) values.Add(key, value);
        var release = new Release(name, new ReleaseArgs
        {
            Name = args.Deployment.IngressClass,
            Chart = IngressNginxChart.Name,
            Version = IngressNginxChart.Version,
            RepositoryOpts = new RepositoryOptsArgs { Repo = IngressNginxChart.Repository },
            Namespace = controllerNamespace,
            CreateNamespace = false,
            Atomic = true,
            Values = values,
        }, new CustomResourceOptions { Parent = this });
        if (ServiceMonitorSettings.For(args.Edge, args.Deployment) is { } monitor)
        {
            // After the release: the metrics Service it selects is the chart's, and the namespace must exist.
            _ = new Pulumi.Kubernetes.ApiExtensions.CustomResource($"{name}-servicemonitor", CustomObjectArgs.From(monitor.Object()),
                new CustomResourceOptions { Parent = this, DependsOn = { release } });
        }
        IngressClass = Output.Create(args.Deployment.IngressClass);
        ReleaseName = release.Name;
        ControllerNamespace = release.Namespace;
        RegisterOutputs(StackOutputs.Of(this));
    }
}
