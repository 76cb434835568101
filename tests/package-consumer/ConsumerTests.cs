using System.Collections.Concurrent;
using System.Collections.Immutable;
using Pulumi;
using Pulumi.Testing;
using RealtimeStack.Components;
using RealtimeStack.Components.Inputs;

namespace RealtimeStack.PackageConsumer.Tests;

/// <summary>Another team's stack: the edge from the NuGet package, fed with Outputs of a StackReference.</summary>
public sealed class ConsumerTests
{
    private sealed class Mocks : IMocks
    {
        public ConcurrentBag<MockResourceArgs> Registered { get; } = [];

        public Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
        {
            Registered.Add(args);
            var state = args.Inputs.ToBuilder();
            if (args.Type == "pulumi:pulumi:StackReference")
            {
                state["outputs"] = ImmutableDictionary<string, object>.Empty.Add("zone", "example.org").Add("image", "registry.example.org/app/backend:7");
                state["secretOutputNames"] = ImmutableArray<object>.Empty;
            }
            if (args.Type == "tls:index/privateKey:PrivateKey") state["privateKeyPem"] = "-----BEGIN PRIVATE KEY-----\nMOCK\n-----END PRIVATE KEY-----\n";
            if (args.Type == "tls:index/selfSignedCert:SelfSignedCert") state["certPem"] = "-----BEGIN CERTIFICATE-----\nMOCK\n-----END CERTIFICATE-----\n";
            return Task.FromResult<(string?, object)>((args.Name + "-id", state.ToImmutable()));
        }

        public Task<object> CallAsync(MockCallArgs args) => Task.FromResult<object>(args.Args);
    }

    [Fact]
    public async Task The_packaged_edge_is_created_from_output_valued_inputs()
    {
        Environment.SetEnvironmentVariable("PULUMI_CONFIG", "{}");
        var mocks = new Mocks();
        var (_, outputs) = await Deployment.TestAsync(mocks, new TestOptions { IsPreview = false, ProjectName = "shop", StackName = "prod" }, () =>
        {
            var platform = new StackReference("acme/platform/prod");
            var edge = new RealtimeEdge("edge", new RealtimeEdgeArgs
            {
                Domain = platform.RequireOutput("zone").Apply(zone => $"live.{zone}"),
                Mode = "kubernetes",
                BackendImage = platform.RequireOutput("image").Apply(image => (string)image),
                Routes = new RoutesArgs { Sse = new SseRouteArgs { ReadTimeout = "2h" } },
            });
            return new Dictionary<string, object?> { ["url"] = edge.PublicUrl, ["services"] = edge.ServiceNames };
        });
        var url = await Pulumi.Utilities.OutputUtilities.GetValueAsync((Output<string>)outputs["url"]!);
        Assert.Equal("https://live.example.org/", url);
        var deployments = mocks.Registered.Where(r => r.Type == "kubernetes:apps/v1:Deployment").ToArray();
        Assert.Equal(3, deployments.Length);
        Assert.All(deployments, d => Assert.Contains("registry.example.org/app/backend:7", System.Text.Json.JsonSerializer.Serialize(d.Inputs)));
        var sse = mocks.Registered.Single(r => r.Type == "kubernetes:networking.k8s.io/v1:Ingress" && System.Text.Json.JsonSerializer.Serialize(r.Inputs).Contains("/sse/"));
        Assert.Contains("\"nginx.ingress.kubernetes.io/proxy-read-timeout\":\"7200\"", System.Text.Json.JsonSerializer.Serialize(sse.Inputs));
    }
}
