using System.Text.Json;
using RealtimeStack.Edge.Cluster;
using RealtimeStack.Edge.Nginx;

namespace RealtimeStack.Edge.Hosting;

/// <summary>
/// What the edge renders in its mode, as text: nginx.conf for the container (docker), or the controller values and
/// the Ingresses' routes and annotations (kubernetes). The change model diffs it; the component's configHash is its hash.
/// </summary>
public static class RenderedConfiguration
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Of(StackModel model) => model.Deployment.Mode == EdgeMode.Docker
        ? NginxConfRenderer.Render(model.Edge, NginxLayout.Container)
        : JsonSerializer.Serialize(new
        {
            values = ControllerValues.For(model.Edge, model.Deployment),
            ingresses = IngressRoute.All(model.Edge, model.Deployment).Select(r => new { r.Name, r.Path, r.ServiceName, r.ServicePort, r.Annotations }),
            hosts = model.Edge.ServerNames.Select(n => n.Value),
        }, Indented) + "\n";
}
