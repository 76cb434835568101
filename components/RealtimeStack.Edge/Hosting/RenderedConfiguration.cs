using System.Text.Json;
using RealtimeStack.Edge.Cluster;
using RealtimeStack.Edge.GatewayApi;
using RealtimeStack.Edge.Nginx;

namespace RealtimeStack.Edge.Hosting;

/// <summary>
/// What the edge renders in its mode, as text: nginx.conf for the container (docker), the controller values and
/// the Ingresses' routes and annotations (kubernetes), or the chart values and every Gateway API object (gateway). The change model diffs it; the component's configHash is its hash.
/// </summary>
public static class RenderedConfiguration
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Of(StackModel model) => model.Deployment.Mode switch
    {
        EdgeMode.Docker => NginxConfRenderer.Render(model.Edge, NginxLayout.Container),
        // One section per chart and object, each under a header line naming it (what edge diff's hunks cite).
        EdgeMode.Gateway => string.Concat(GatewaySections(model).Select(x => $"{GatewaySectionPrefix}{x.Header}\n{Json(x.Body)}")),
        _ => Json(new
        {
            values = ControllerValues.For(model.Edge, model.Deployment),
            ingresses = IngressRoute.All(model.Edge, model.Deployment).Select(r => new { r.Name, r.Path, r.ServiceName, r.ServicePort, r.Annotations }),
            hosts = model.Edge.ServerNames.Select(n => n.Value),
        }),
    };

    /// <summary>Marks a section header in the gateway rendering.</summary>
    public const string GatewaySectionPrefix = "# ";

    /// <summary>The line that opens a section of a mode's rendering: an nginx block (docker), a chart or object
    /// (gateway); none in kubernetes mode's single document.</summary>
    public static Func<string, bool>? SectionHeader(EdgeMode mode) => mode switch
    {
        EdgeMode.Docker => line => line.TrimEnd().EndsWith('{'),
        EdgeMode.Gateway => line => line.StartsWith(GatewaySectionPrefix, StringComparison.Ordinal),
        _ => null,
    };

    private static IEnumerable<(string Header, object Body)> GatewaySections(StackModel model)
    {
        yield return ("values gateway-helm", EnvoyGatewayValues.Controller(model.Deployment));
        if (model.Deployment.GatewayCrds == GatewayCrds.Install) yield return ("values gateway-crds-helm", EnvoyGatewayValues.Crds());
        var monitor = ProxyMetrics.PodMonitor(model.Edge, model.Deployment);
        foreach (var o in GatewaySettings.All(model.Edge, model.Deployment, TlsSecretSettings.GeneratedName).Concat(monitor is null ? [] : [monitor]))
            yield return ($"{o.Kind} {(o.Namespace is null ? "" : o.Namespace + "/")}{o.Name}", new { o.ApiVersion, o.Labels, o.Spec });
    }

    private static string Json(object value) => JsonSerializer.Serialize(value, Indented) + "\n";
}
