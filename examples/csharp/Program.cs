using Pulumi;
using RealtimeStack.Components;
using RealtimeStack.Components.Inputs;

// The edge in kubernetes mode, fed from another stack's outputs (domain, certificate and key).
return await Deployment.RunAsync(() =>
{
    var shared = new StackReference("acme/platform/prod");
    var edge = new RealtimeEdge("edge", new RealtimeEdgeArgs
    {
        Domain = shared.RequireOutput("realtimeDomain").Apply(d => (string)d),
        Mode = "kubernetes",
        BackendImage = "registry.example.com/realtime/backend:1.4.2",
        Tls = new TlsArgs
        {
            CertificatePem = shared.RequireOutput("certificatePem").Apply(c => (string)c),
            PrivateKeyPem = shared.RequireOutput("privateKeyPem").Apply(k => (string)k),
        },
        Routes = new RoutesArgs { Sse = new SseRouteArgs { ReadTimeout = "2h" } },
        Capacity = new CapacityArgs { MaxStreams = 20000 },
    });
    return new Dictionary<string, object?> { ["publicUrl"] = edge.PublicUrl, ["serviceNames"] = edge.ServiceNames };
});
