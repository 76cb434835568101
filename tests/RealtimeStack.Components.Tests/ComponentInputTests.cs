using System.Collections.Immutable;
using Pulumi;
using RealtimeStack.Components.Inputs;
using RealtimeStack.Components.Tests.Support;
using RealtimeStack.Edge.Tls;

namespace RealtimeStack.Components.Tests;

/// <summary>
/// The component as another program uses it: typed inputs, some of them Outputs of other resources and of a
/// StackReference, validated by the core with errors named by input path.
/// </summary>
public sealed class ComponentInputTests
{
    private const string DnsStack = "acme/dns/prod";

    private static RecordingMocks MocksWithDnsStack(string zone)
    {
        var mocks = new RecordingMocks();
        mocks.StackReferenceOutputs[DnsStack] = ImmutableDictionary<string, object>.Empty
            .Add("zone", zone)
            .Add("backendImage", "registry.example.com/realtime/backend:3.1");
        return mocks;
    }

    [Fact]
    public async Task Outputs_of_other_resources_and_a_stack_reference_reach_the_rendered_edge()
    {
        // It covers the alias too, which a random suffix names.
        var pem = SelfSignedCertificate.Create(["edge.example.net", "*.example.net"], TimeSpan.FromDays(30));
        RealtimeEdgeArgs? used = null;
        var run = await PulumiRun.OfAsync(() =>
        {
            var dns = new StackReference(DnsStack);
            // A value another resource computes: known only once that resource exists.
            var suffix = new Pulumi.Random.RandomString("suffix", new Pulumi.Random.RandomStringArgs { Length = 6 });
            used = new RealtimeEdgeArgs
            {
                Domain = dns.RequireOutput("zone").Apply(z => $"edge.{z}"),
                Aliases = new InputList<string> { suffix.Result.Apply(s => $"{s}.example.net") },
                Mode = "kubernetes",
                BackendImage = dns.RequireOutput("backendImage").Apply(i => (string)i),
                Tls = new TlsArgs { CertificatePem = pem.CertificatePem, PrivateKeyPem = pem.PrivateKeyPem },
                Routes = new RoutesArgs { Sse = new SseRouteArgs { ReadTimeout = suffix.Result.Apply(_ => "2h") } },
                Capacity = new CapacityArgs { MaxStreams = 20_000 },
            };
            return StackOutputs.Of(new RealtimeEdge("edge", used));
        }, MocksWithDnsStack("example.net"));

        Assert.Equal("https://edge.example.net/", await run.StackOutput<string>("publicUrl"));
        Assert.Equal(["edge.example.net", "abc123.example.net"], await run.StackOutput<string[]>("hosts"));
        var ingresses = run.Mocks.OfType("kubernetes:networking.k8s.io/v1:Ingress").Select(i => (k8s.Models.V1Ingress)KubernetesSchema.Validate(i.Inputs)).ToArray();
        var sse = ingresses.Single(i => i.Spec.Rules[0].Http.Paths.Single().Path == "/sse/");
        Assert.Equal("7200", sse.Metadata.Annotations["nginx.ingress.kubernetes.io/proxy-read-timeout"]);
        Assert.Equal(["edge.example.net", "abc123.example.net"], sse.Spec.Rules.Select(r => r.Host));
        foreach (var deployment in run.Mocks.OfType("kubernetes:apps/v1:Deployment"))
            Assert.Equal("registry.example.com/realtime/backend:3.1", ((k8s.Models.V1Deployment)KubernetesSchema.Validate(deployment.Inputs)).Spec.Template.Spec.Containers[0].Image);
        // The given certificate is used, none generated; the key was passed as a plain string and is a secret anyway.
        Assert.Empty(run.Resources.OfType<DevCertificate>());
        Assert.True(await Output.IsSecretAsync(used!.Tls!.PrivateKeyPem!.ToOutput()));
        Assert.Empty(await SecretOutputs.PlaintextKeysAsync(run.Mocks));
        var secret = Assert.Single(run.Mocks.OfType("kubernetes:core/v1:Secret"));
        Assert.Equal(pem.PrivateKeyPem.Trim(), ((string)((ImmutableDictionary<string, object>)secret.Inputs["stringData"])["tls.key"]).Trim());
    }

    [Fact]
    public async Task Bad_output_values_fail_naming_every_input_path_and_create_nothing()
    {
        var e = await Assert.ThrowsAnyAsync<Exception>(() => PulumiRun.OfAsync(() =>
        {
            var dns = new StackReference(DnsStack);
            return StackOutputs.Of(new RealtimeEdge("edge", new RealtimeEdgeArgs
            {
                Domain = dns.RequireOutput("zone").Apply(z => $"edge {z}"),
                Mode = "kubernetes",
                BackendImage = dns.RequireOutput("backendImage").Apply(i => $"{i} latest"),
                Routes = new RoutesArgs { Sse = new SseRouteArgs { ReadTimeout = dns.RequireOutput("zone").Apply(_ => "forever") } },
                Gzip = new GzipArgs { Level = 12 },
                Tls = new TlsArgs { CertificatePem = "not a certificate" },
            }));
        }, MocksWithDnsStack("example.net")));
        var message = e.ToString();
        Assert.Contains("invalid RealtimeEdge inputs", message);
        Assert.Contains("domain: ", message);
        Assert.Contains("routes.sse.readTimeout: must be a duration", message);
        Assert.Contains("gzip.level: must be a whole number 1-9", message);
        Assert.Contains("tls.privateKeyPem: is required when tls.certificatePem is set", message);
        Assert.Contains("backendImage: must not contain whitespace", message);
        Assert.DoesNotContain("realtime:", message);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_bad_value_fails_the_preview_and_the_update_and_creates_no_child_resource(bool preview)
    {
        var mocks = MocksWithDnsStack("example.net");
        var e = await Assert.ThrowsAnyAsync<Exception>(() => PulumiRun.OfAsync(() =>
            StackOutputs.Of(new RealtimeEdge("edge", new RealtimeEdgeArgs
            {
                Domain = "edge.example.net",
                Mode = "kubernetes",
                BackendImage = "registry.example.com/realtime/backend:3.1",
                Gzip = new GzipArgs { Level = 0 },
            })), mocks, preview));
        Assert.Contains("gzip.level: must be a whole number 1-9", e.ToString());
        Assert.Equal([ComponentTypes.Edge], mocks.Registered.Select(r => r.Type!).Where(t => t != "pulumi:pulumi:Stack"));
    }

    [Fact]
    public async Task A_bad_plain_input_fails_in_the_constructor_before_anything_is_registered()
    {
        var mocks = new RecordingMocks();
        var e = await Assert.ThrowsAnyAsync<Exception>(() => PulumiRun.OfAsync(() => StackOutputs.Of(new RealtimeEdge("edge", new RealtimeEdgeArgs
        {
            Domain = "edge.example.net",
            Mode = "docker",
            BackendImage = "registry.example.com/realtime/backend:3.1",
            Upstreams = new UpstreamsArgs { Api = new ApiUpstreamArgs { Servers = ["api-1:9000,api-2:9000"] }, Sse = new SseUpstreamArgs { Servers = ["sse-1:9100"] } },
            Metrics = new MetricsArgs { Enabled = false },
            Kubernetes = new KubernetesArgs { MetricsMonitor = true },
        })), mocks, preview: true));
        var message = e.ToString();
        Assert.Contains("invalid RealtimeEdge inputs", message);
        Assert.Contains("upstreams.api.servers: item 0 ('api-1:9000,api-2:9000') must not contain a comma", message);
        // The default servers are loopback addresses for a local nginx: docker mode says what it needs instead.
        Assert.Contains("upstreams.ws.servers: is required in docker mode: each server is a backend container reached by name, like ws-1:9200", message);
        Assert.Contains("kubernetes.metricsMonitor: needs metrics.enabled", message);
        Assert.DoesNotContain("realtime:", message);
        Assert.DoesNotContain(mocks.Registered, r => r.Type != "pulumi:pulumi:Stack");
    }

    [Fact]
    public async Task A_preview_with_known_values_shows_every_child()
    {
        var preview = await PulumiRun.OfAsync(() => StackOutputs.Of(new RealtimeEdge("edge", new RealtimeEdgeArgs
        {
            Domain = "edge.example.net",
            Mode = "kubernetes",
            BackendImage = "registry.example.com/realtime/backend:3.1",
        })), preview: true);
        var types = preview.Mocks.Registered.Select(r => r.Type!).ToArray();
        Assert.Equal(3, types.Count(t => t == "kubernetes:apps/v1:Deployment"));
        Assert.Equal(3, types.Count(t => t == "kubernetes:networking.k8s.io/v1:Ingress"));
        Assert.Single(types, "kubernetes:helm.sh/v3:Release");
    }

    [Fact]
    public async Task A_certificate_that_does_not_match_its_key_is_named_and_its_key_not_shown()
    {
        var first = SelfSignedCertificate.Create(["edge.example.net"], TimeSpan.FromDays(30));
        var second = SelfSignedCertificate.Create(["edge.example.net"], TimeSpan.FromDays(30));
        var e = await Assert.ThrowsAnyAsync<Exception>(() => PulumiRun.OfAsync(() => StackOutputs.Of(new RealtimeEdge("edge", new RealtimeEdgeArgs
        {
            Domain = "edge.example.net",
            Mode = "kubernetes",
            BackendImage = "registry.example.com/realtime/backend:3.1",
            Tls = new TlsArgs { CertificatePem = first.CertificatePem, PrivateKeyPem = Output.CreateSecret(second.PrivateKeyPem) },
        }))));
        Assert.Contains("tls.privateKeyPem: does not match the certificate's public key", e.ToString());
        Assert.DoesNotContain("PRIVATE KEY", e.ToString());
    }

    [Fact]
    public async Task A_certificate_that_does_not_cover_the_domain_fails_once_both_are_known()
    {
        var other = SelfSignedCertificate.Create(["other.example.com"], TimeSpan.FromDays(30));
        var mocks = MocksWithDnsStack("example.net");
        var e = await Assert.ThrowsAnyAsync<Exception>(() => PulumiRun.OfAsync(() =>
        {
            var dns = new StackReference(DnsStack);
            return StackOutputs.Of(new RealtimeEdge("edge", new RealtimeEdgeArgs
            {
                Domain = dns.RequireOutput("zone").Apply(z => $"edge.{z}"),
                Mode = "kubernetes",
                BackendImage = "registry.example.com/realtime/backend:3.1",
                Tls = new TlsArgs { CertificatePem = other.CertificatePem, PrivateKeyPem = other.PrivateKeyPem },
            }));
        }, mocks));
        Assert.Contains("tls.certificatePem: does not cover edge.example.net (it covers other.example.com, 127.0.0.1)", e.ToString());
        Assert.DoesNotContain(mocks.Registered, r => r.Type!.StartsWith("kubernetes:", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_setting_is_an_input_and_every_input_a_setting_or_described()
    {
        var settings = EdgeInputs.Settings.Select(s => s.Key.Path).ToHashSet();
        Assert.Equal(Edge.Configuration.ConfigKey.All.Count, settings.Count);
        // A renamed setting keeps its former input, read with a warning.
        var former = Edge.Configuration.ConfigKey.All.Select(k => k.FormerPath).OfType<string>();
        var leaves = Leaves(typeof(RealtimeEdgeArgs), "").ToArray();
        Assert.Equal(settings.Concat(former).Order(), leaves.Where(l => !l.StartsWith("backendBuild.", StringComparison.Ordinal)).Order());
    }

    private static IEnumerable<string> Leaves(Type args, string prefix) =>
        args.GetProperties().SelectMany(p => typeof(ResourceArgs).IsAssignableFrom(p.PropertyType)
            ? Leaves(p.PropertyType, prefix + AttributeNames.InputName(p) + ".")
            : [prefix + AttributeNames.InputName(p)]);

    /// <summary>A renamed input under its former name builds the same edge, with a warning on the edge; under both
    /// names it is refused before anything is registered; the schema marks the old name deprecated.</summary>
    [Fact]
    public async Task A_former_input_name_builds_the_same_edge_and_both_names_are_refused()
    {
        static RealtimeEdgeArgs Args(KubernetesArgs kubernetes) => new()
        {
            Domain = "edge.example.net",
            Mode = "kubernetes",
            BackendImage = "registry.example.com/realtime/backend:3.1",
            Kubernetes = kubernetes,
        };
        async Task<string> ControllerValues(KubernetesArgs kubernetes)
        {
            var run = await PulumiRun.OfAsync(() => StackOutputs.Of(new RealtimeEdge("edge", Args(kubernetes))));
            return System.Text.Json.JsonSerializer.Serialize(Assert.Single(run.Mocks.OfType("kubernetes:helm.sh/v3:Release")).Inputs["values"]);
        }
#pragma warning disable CS0618 // the former names, on purpose
        var viaOld = await ControllerValues(new KubernetesArgs { ControllerReplicas = 3 });
        Assert.Equal(await ControllerValues(new KubernetesArgs { ProxyReplicas = 3 }), viaOld);
        Assert.Contains("\"replicaCount\":3", viaOld, StringComparison.Ordinal);
        var both = await Assert.ThrowsAnyAsync<Exception>(() => PulumiRun.OfAsync(() => StackOutputs.Of(new RealtimeEdge("edge", Args(new KubernetesArgs { ControllerReplicas = 3, ProxyReplicas = 3 })))));
#pragma warning restore CS0618
        Assert.Contains("kubernetes.proxyReplicas: and kubernetes.controllerReplicas, its former name, are both given: keep kubernetes.proxyReplicas", both.ToString(), StringComparison.Ordinal);

        var schema = System.Text.Json.Nodes.JsonNode.Parse(PackageSchema.Json())!;
        var kubernetes = schema["types"]!["realtime:index:Kubernetes"]!["properties"]!;
        Assert.Contains("Renamed ProxyReplicas", kubernetes["controllerReplicas"]!["deprecationMessage"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(kubernetes["proxyReplicas"]!["deprecationMessage"]);
    }
}
