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
        EdgeMode.Gateway => Json(new
        {
            values = EnvoyGatewayValues.Controller(model.Deployment),
            crds = model.Deployment.GatewayCrds == GatewayCrds.Install ? EnvoyGatewayValues.Crds() : null,
            objects = GatewaySettings.All(model.Edge, model.Deployment, TlsSecretSettings.GeneratedName)
                .Select(o => new { o.ApiVersion, o.Kind, o.Name, o.Namespace, o.Spec }),
        }),
        _ => Json(new
        {
            values = ControllerValues.For(model.Edge, model.Deployment),
            ingresses = IngressRoute.All(model.Edge, model.Deployment).Select(r => new { r.Name, r.Path, r.ServiceName, r.ServicePort, r.Annotations }),
            hosts = model.Edge.ServerNames.Select(n => n.Value),
        }),
    };

    private static string Json(object value) => JsonSerializer.Serialize(value, Indented) + "\n";
}
