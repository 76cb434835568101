using Pulumi;
using Pulumi.Kubernetes.ApiExtensions;
using Pulumi.Kubernetes.Types.Inputs.Meta.V1;
using RealtimeStack.Edge.Cluster;

namespace RealtimeStack.Components.Cluster;

/// <summary>A prometheus-operator ServiceMonitor from <see cref="ServiceMonitorSettings"/> (its CRD must be installed).</summary>
internal sealed class ServiceMonitorArgs : CustomResourceArgs
{
    public ServiceMonitorArgs() : base(ServiceMonitorSettings.ApiVersion, ServiceMonitorSettings.Kind) { }

    [Input("spec")]
    public InputMap<object> Spec { get; } = new();

    public static ServiceMonitorArgs From(ServiceMonitorSettings settings)
    {
        var labels = new InputMap<string>();
        foreach (var (key, value) in settings.Labels) labels.Add(key, value);
        var args = new ServiceMonitorArgs
        {
            Metadata = new ObjectMetaArgs { Name = settings.Name, Namespace = settings.Namespace, Labels = labels },
        };
        foreach (var (key, value) in settings.Spec()) args.Spec.Add(key, value);
        return args;
    }
}
