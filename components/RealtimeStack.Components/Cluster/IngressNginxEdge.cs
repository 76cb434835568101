using Pulumi;
using Pulumi.Kubernetes.Helm.V3;
using Pulumi.Kubernetes.Types.Inputs.Helm.V3;
using RealtimeStack.Edge.Cluster;
using RealtimeStack.Edge.IngressNginx;

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
        var controllerNamespace = CustomObjectResources.Namespace($"{name}-namespace", args.Model.Apply(m => IngressNginxChart.NamespaceOf(m.Deployment)), new CustomResourceOptions { Parent = this });
        var release = new Release(name, new ReleaseArgs
        {
            Name = args.IngressClass,
            Chart = IngressNginxChart.Name,
            Version = IngressNginxChart.Version,
            RepositoryOpts = new RepositoryOptsArgs { Repo = IngressNginxChart.Repository },
            Namespace = controllerNamespace,
            CreateNamespace = false,
            Atomic = true,
            Values = args.Model.Map(m => ControllerValues.For(m.Edge, m.Deployment)),
        }, new CustomResourceOptions { Parent = this });
        if (ServiceMonitorSettings.For(args.Shape.Edge, args.Shape.Deployment) is { } monitor)
        {
            // After the release: the metrics Service it selects is the chart's, and the namespace must exist.
            var item = args.Model.Apply(m => (ServiceMonitorSettings.For(m.Edge, m.Deployment)
                ?? throw new InvalidOperationException("metrics and metricsMonitor are plain inputs: the ServiceMonitor exists in the model as in its shape")).Object());
            _ = new KubernetesObject($"{name}-servicemonitor", monitor.Object(), CustomObjectArgs.From(monitor.Object(), item),
                new CustomResourceOptions { Parent = this, DependsOn = { release } });
        }
        IngressClass = args.IngressClass.ToOutput();
        ReleaseName = release.Name;
        ControllerNamespace = release.Namespace;
        RegisterOutputs(StackOutputs.Of(this));
    }
}
