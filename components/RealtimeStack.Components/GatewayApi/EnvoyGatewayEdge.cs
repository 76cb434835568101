using Pulumi;
using Pulumi.Kubernetes.ApiExtensions.V1;
using Pulumi.Kubernetes.Helm.V3;
using Pulumi.Kubernetes.Types.Inputs.Helm.V3;
using RealtimeStack.Components.Cluster;
using RealtimeStack.Edge.GatewayApi;
using RealtimeStack.Edge.Model;
using ChartV4 = Pulumi.Kubernetes.Helm.V4.Chart;
using ChartV4Args = Pulumi.Kubernetes.Types.Inputs.Helm.V4.ChartArgs;

namespace RealtimeStack.Components.GatewayApi;

/// <summary>
/// Envoy Gateway for one stack: its namespace, the CRDs (owned by the stack, or read from the cluster), the
/// controller release pinned to <see cref="EnvoyGatewayRelease.Version"/> watching only this stack's controller name,
/// and the class its Gateway uses — a GatewayClass whose parameters are the EnvoyProxy (replicas, disruption budget,
/// drain) computed from the model.
/// </summary>
internal sealed class EnvoyGatewayEdge : ComponentResource
{
    [Output("gatewayClass")]
    public Output<string> GatewayClass { get; private set; }

    [Output("releaseName")]
    public Output<string> ReleaseName { get; private set; }

    [Output("controllerNamespace")]
    public Output<string> ControllerNamespace { get; private set; }

    public EnvoyGatewayEdge(string name, EnvoyGatewayEdgeArgs args, ComponentResourceOptions? options = null)
        : base(ComponentTypes.EnvoyGatewayEdge, name, args, options)
    {
        var (shape, model) = (args.Shape, args.Model);
        var child = new CustomResourceOptions { Parent = this };
        var controllerNamespace = CustomObjectResources.Namespace($"{name}-namespace", model.Apply(m => EnvoyGatewayRelease.NamespaceOf(m.Deployment)), child);
        var crds = Crds(name, shape.Deployment);

        var release = new Release(name, new ReleaseArgs
        {
            Name = shape.Deployment.GatewayClass,
            Chart = EnvoyGatewayRelease.Chart,
            Version = EnvoyGatewayRelease.Version,
            Namespace = controllerNamespace,
            CreateNamespace = false,
            // The CRDs are the stack's own resources (or the cluster's): never Helm's crds/ folder, which Helm
            // installs once and never upgrades.
            SkipCrds = true,
            Atomic = true,
            Values = model.Map(m => EnvoyGatewayValues.Controller(m.Deployment)),
        }, new CustomResourceOptions { Parent = this, DependsOn = crds });

        // The class and its proxy parameters need the CRDs; the controller accepts the class once it runs.
        var after = new CustomResourceOptions { Parent = this, DependsOn = [.. crds, release] };
        var classObjects = CustomObjectResources.Create(name, m => GatewaySettings.ClassObjects(m.Edge, m.Deployment), shape, model, controllerNamespace, after);

        // Its CRD is prometheus-operator's, which the cluster must have; the proxies it selects come with the Gateway.
        _ = CustomObjectResources.Create(name, m => ProxyMetrics.PodMonitor(m.Edge, m.Deployment) is { } monitor ? [monitor] : [],
            shape, model, controllerNamespace, new CustomResourceOptions { Parent = this, DependsOn = { release } });

        GatewayClass = classObjects.NameOf("GatewayClass");
        ReleaseName = release.Name;
        ControllerNamespace = release.Namespace;
        RegisterOutputs(StackOutputs.Of(this));
    }

    /// <summary>
    /// Installed: the CRDs chart rendered into the stack's own resources (as <c>helm template | kubectl apply
    /// --server-side</c>, which Envoy Gateway recommends: the CRDs are too large for a Helm release). External: each
    /// CRD the objects need is read, so a cluster without one fails the preview, naming it.
    /// </summary>
    private List<Resource> Crds(string name, DeploymentSpec deployment)
    {
        if (deployment.GatewayCrds == GatewayCrds.External)
        {
            return EnvoyGatewayRelease.RequiredCrds
                .Select(crd => (Resource)CustomResourceDefinition.Get($"{name}-crd-{crd}", crd, new CustomResourceOptions { Parent = this }))
                .ToList();
        }
        var values = new InputMap<object>();
        foreach (var (key, value) in EnvoyGatewayValues.Crds()) values.Add(key, value);
        return
        [
            new ChartV4($"{name}-crds", new ChartV4Args
            {
                Chart = EnvoyGatewayRelease.CrdsChart,
                Version = EnvoyGatewayRelease.Version,
                Values = values,
            // Deleting a CRD deletes every object of its kind, in every namespace: leaving gatewayCrds install, or
            // destroying the stack, leaves the CRDs in the cluster (Pulumi passes retainOnDelete to the chart's objects).
            }, new ComponentResourceOptions { Parent = this, RetainOnDelete = true }),
        ];
    }
}
