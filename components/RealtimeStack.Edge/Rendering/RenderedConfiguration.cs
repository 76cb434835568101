using RealtimeStack.Edge.Cluster;
using RealtimeStack.Edge.GatewayApi;
using RealtimeStack.Edge.Nginx;
using YamlDotNet.Serialization;
using RealtimeStack.Edge.Configuration;
using RealtimeStack.Edge.IngressNginx;
using RealtimeStack.Edge.Model;

namespace RealtimeStack.Edge.Rendering;

/// <summary>
/// What the edge deploys in its mode, as text: nginx.conf for the container (docker); in the cluster modes a YAML
/// stream with one document per chart's values and per Kubernetes object, each under a comment naming it: the
/// controller's values, the namespaces, the TLS Secret (its values left out), the backends' Deployments, Services
/// and PodDisruptionBudgets, and the Ingresses (kubernetes) or the Gateway API and Envoy Gateway objects (gateway).
/// The change model diffs it, <c>edge render</c> prints it and the component's configHash is its hash.
/// </summary>
public static class RenderedConfiguration
{
    /// <summary>A chart's values or a Kubernetes object, under the header that names it.</summary>
    public sealed record Section(string Header, object Body, bool IsObject);

    /// <summary>Marks a section header in the cluster modes' rendering.</summary>
    public const string SectionPrefix = "# ";

    private static readonly ISerializer Yaml = new SerializerBuilder().WithQuotingNecessaryStrings().Build();

    public static string Of(StackModel model) => model.Deployment.Mode switch
    {
        EdgeMode.Docker => NginxConfRenderer.Render(model.Edge, NginxLayout.Container),
        _ => Write(Sections(model)),
    };

    /// <summary>Only the Kubernetes objects of a cluster mode's rendering, as <c>kubectl apply -f -</c> takes them.</summary>
    public static string Objects(StackModel model) => Write(Sections(model).Where(s => s.IsObject));

    /// <summary>The line that opens a section of a mode's rendering: an nginx block (docker), a chart's values or an
    /// object (cluster modes).</summary>
    public static Func<string, bool> SectionHeader(EdgeMode mode) => mode switch
    {
        EdgeMode.Docker => line => line.TrimEnd().EndsWith('{'),
        _ => line => line.StartsWith(SectionPrefix, StringComparison.Ordinal),
    };

    /// <summary>A cluster mode's charts' values and objects, in the order they are applied.</summary>
    public static IReadOnlyList<Section> Sections(StackModel model)
    {
        var (edge, deployment) = (model.Edge, model.Deployment);
        var gateway = deployment.Mode == EdgeMode.Gateway;
        var sections = new List<Section>();
        if (gateway)
        {
            sections.Add(new($"values {EnvoyGatewayRelease.Chart} {EnvoyGatewayRelease.Version}", EnvoyGatewayValues.Controller(deployment), false));
            if (deployment.GatewayCrds == GatewayCrds.Install) sections.Add(new($"values {EnvoyGatewayRelease.CrdsChart} {EnvoyGatewayRelease.Version}", EnvoyGatewayValues.Crds(), false));
        }
        else
        {
            sections.Add(new($"values {IngressNginxChart.Name} {IngressNginxChart.Version}", ControllerValues.For(edge, deployment), false));
        }
        var objects = new List<CustomObject>
        {
            NamespaceObject.For(gateway ? EnvoyGatewayRelease.NamespaceOf(deployment) : IngressNginxChart.NamespaceOf(deployment)),
            NamespaceObject.For(deployment.Namespace),
        };
        sections.AddRange(objects.Select(ObjectSection));
        sections.Add(new($"Secret {deployment.Namespace}/{TlsSecretSettings.GeneratedName} (its real name is generated; the certificate and key are left out)",
            TlsSecretSettings.RenderedManifest(deployment.Namespace), true));
        var modeObjects = gateway
            ? GatewaySettings.All(edge, deployment, TlsSecretSettings.GeneratedName).Concat(ProxyMetrics.PodMonitor(edge, deployment) is { } podMonitor ? [podMonitor] : [])
            : IngressRoute.Objects(edge, deployment, TlsSecretSettings.GeneratedName).Concat(ServiceMonitorSettings.For(edge, deployment) is { } monitor ? [monitor.Object()] : []);
        sections.AddRange(BackendWorkload.All(deployment).SelectMany(w => BackendObjects.For(w, deployment.Namespace)).Concat(modeObjects).Select(ObjectSection));
        return sections;
    }

    private static Section ObjectSection(CustomObject o) => new($"{o.Kind} {(o.Namespace is null ? "" : o.Namespace + "/")}{o.Name}", o.Manifest(), true);

    private static string Write(IEnumerable<Section> sections) =>
        string.Concat(sections.Select(s => $"---\n{SectionPrefix}{s.Header}\n{Yaml.Serialize(s.Body)}"));
}
