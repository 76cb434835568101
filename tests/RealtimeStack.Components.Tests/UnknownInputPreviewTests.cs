using Pulumi;
using Pulumi.Utilities;
using RealtimeStack.Components.Inputs;
using RealtimeStack.Components.Tests.Support;
using RealtimeStack.Edge.Tls;

namespace RealtimeStack.Components.Tests;

/// <summary>
/// A preview shows the whole edge whatever inputs are still unknown. Under mocks that answer as a provider does in a
/// first preview (no id, no computed output), an input taken from a resource of the same program is unknown, as it
/// is in a real <c>pulumi preview</c>: the edge must register the same resources as with every value known, so that
/// an update preview never shows the edge's resources as deleted.
/// </summary>
public sealed class UnknownInputPreviewTests
{
    private const string Image = "registry.example.com/realtime/backend:3.1";

    // A certificate known to the test (a literal), for the runs whose certificate is known.
    private static readonly Lazy<SelfSignedCertificate.Pem> Known = new(() => SelfSignedCertificate.Create(["edge.example.net"], TimeSpan.FromDays(30)));

    /// <summary>Which input the program takes from a resource it creates (so the preview cannot know it).</summary>
    public enum Unknown { Nothing, Domain, Certificate, Everything }

    public static TheoryData<string> Modes => new() { "docker", "kubernetes", "gateway" };

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task A_preview_with_an_unknown_domain_or_certificate_registers_every_resource_of_a_known_one(string mode)
    {
        var known = await PreviewAsync(mode, Unknown.Nothing);
        var expected = EdgeResources(known);
        // Every mode has its whole graph (the numbers are the closing note's): not a component with no children.
        Assert.True(expected.Count > 10, string.Join("\n", expected));
        foreach (var unknown in new[] { Unknown.Domain, Unknown.Certificate, Unknown.Everything })
        {
            var run = await PreviewAsync(mode, unknown);
            Assert.Equal(expected, EdgeResources(run));
        }
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task An_update_preview_in_which_the_certificate_becomes_unknown_deletes_nothing(string mode)
    {
        // The state after an update with a known certificate; then a renewal from a resource, previewed.
        var state = EdgeResources(await RunAsync(mode, Unknown.Nothing, preview: false));
        var renewal = EdgeResources(await PreviewAsync(mode, Unknown.Certificate));
        // The engine deletes what the state has and the program did not register: nothing here.
        Assert.Empty(state.Except(renewal));
        Assert.Equal(state, renewal);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Outputs_are_known_in_a_preview_whenever_their_inputs_are(string mode)
    {
        var domainUnknown = (await PreviewAsync(mode, Unknown.Domain)).Single<RealtimeEdge>();
        Assert.Equal(mode, await KnownValue(domainUnknown.Mode));
        Assert.NotEmpty(await KnownValue(domainUnknown.ServiceNames));
        Assert.Equal(mode switch { "docker" => "", "gateway" => "realtime-envoy", _ => "realtime-nginx" }, await KnownValue(domainUnknown.IngressClass));
        Assert.False(await OutputUtilities.GetIsKnownAsync(domainUnknown.PublicUrl));
        Assert.False(await OutputUtilities.GetIsKnownAsync(domainUnknown.Hosts));

        // The certificate is no part of the model: with it unknown, everything the edge renders is known.
        var certificateUnknown = (await PreviewAsync(mode, Unknown.Certificate)).Single<RealtimeEdge>();
        Assert.Equal("https://edge.example.net:8443/", await KnownValue(certificateUnknown.PublicUrl));
        Assert.Equal(["edge.example.net"], await KnownValue(certificateUnknown.Hosts));
        Assert.Matches("^[0-9a-f]{64}$", await KnownValue(certificateUnknown.ConfigHash));
    }

    [Fact]
    public async Task With_the_certificate_unknown_only_what_holds_it_waits_for_it()
    {
        var run = await PreviewAsync("kubernetes", Unknown.Certificate);
        // The Ingresses and Deployments are computed in full; only the Secret's data is unknown.
        foreach (var ingress in run.Mocks.OfType("kubernetes:networking.k8s.io/v1:Ingress"))
            Assert.Contains("nginx.ingress.kubernetes.io/proxy-read-timeout", ((k8s.Models.V1Ingress)KubernetesSchema.Validate(ingress.Inputs)).Metadata.Annotations.Keys);
        Assert.Equal(3, run.Mocks.OfType("kubernetes:apps/v1:Deployment").Count(d => d.Inputs.ContainsKey("spec")));
        var secret = Assert.Single(run.Mocks.OfType("kubernetes:core/v1:Secret"));
        Assert.False(secret.Inputs.ContainsKey("stringData") && secret.Inputs["stringData"] is System.Collections.IDictionary { Count: 2 });
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_bad_known_value_fails_the_preview_even_while_another_input_is_unknown(bool firstPreview)
    {
        var mocks = new RecordingMocks { FirstPreview = firstPreview };
        var e = await Assert.ThrowsAnyAsync<Exception>(() => RunAsync("kubernetes", Unknown.Domain, preview: true, mocks: mocks, adjust: args =>
        {
            args.Routes = new RoutesArgs { Sse = new SseRouteArgs { ReadTimeout = "2 h" } };
            args.Capacity = new CapacityArgs { MaxStreams = 0 };
        }));
        var message = e.ToString();
        Assert.Contains("routes.sse.readTimeout: ", message);
        Assert.Contains("capacity.maxStreams: ", message);
        // The unknown domain is not blamed for anything: it is checked once it is known.
        Assert.DoesNotContain("domain:", message);
        Assert.Empty(Children(mocks));
    }

    [Fact]
    public async Task A_bad_value_unknown_in_the_preview_fails_the_update_before_any_child_is_created()
    {
        // In the update the domain is known (the pet exists) and bad; nothing of the edge may be created first.
        var mocks = new RecordingMocks();
        var e = await Assert.ThrowsAnyAsync<Exception>(() => RunAsync("gateway", Unknown.Domain, preview: false, domainOfPet: id => $"{id} example.net", mocks: mocks));
        Assert.Contains("invalid RealtimeEdge inputs:\n  domain: must not contain whitespace", e.ToString());
        Assert.Empty(Children(mocks));
    }

    [Fact]
    public async Task The_same_bad_value_unknown_in_the_preview_passes_it_with_every_resource_shown()
    {
        var run = await RunAsync("gateway", Unknown.Domain, preview: true, domainOfPet: id => $"{id} example.net");
        Assert.Equal(EdgeResources(await PreviewAsync("gateway", Unknown.Nothing)), EdgeResources(run));
    }

    private static Task<PulumiRun> PreviewAsync(string mode, Unknown unknown) => RunAsync(mode, unknown, preview: true);

    /// <summary>The edge in a mode, with the chosen inputs taken from resources the program creates first.</summary>
    /// <param name="mocks">Mocks to record with (by default new ones, answering as in a first preview when <paramref name="preview"/>).</param>
    /// <param name="adjust">Changes to the inputs beyond the mode's.</param>
    private static Task<PulumiRun> RunAsync(string mode, Unknown unknown, bool preview, Func<string, string>? domainOfPet = null,
        RecordingMocks? mocks = null, Action<RealtimeEdgeArgs>? adjust = null) => PulumiRun.OfAsync(() =>
    {
        var domain = (Input<string>)"edge.example.net";
        if (unknown is Unknown.Domain or Unknown.Everything)
        {
            var pet = new Pulumi.Random.RandomPet("input-pet");
            // The pet's id is unknown in a first preview; in an update it is known (and the domain a good name).
            domain = pet.Id.Apply(domainOfPet ?? (id => preview ? $"{id}.example.net" : "edge.example.net"));
        }
        var tls = new TlsArgs { CertificatePem = Known.Value.CertificatePem, PrivateKeyPem = Known.Value.PrivateKeyPem };
        if (unknown is Unknown.Certificate or Unknown.Everything)
        {
            var key = new Pulumi.Tls.PrivateKey("input-key", new Pulumi.Tls.PrivateKeyArgs { Algorithm = "ECDSA", EcdsaCurve = "P256" });
            var certificate = new Pulumi.Tls.SelfSignedCert("input-cert", new Pulumi.Tls.SelfSignedCertArgs
            {
                PrivateKeyPem = key.PrivateKeyPem,
                DnsNames = { "edge.example.net" },
                ValidityPeriodHours = 24,
                AllowedUses = { "server_auth" },
            });
            tls = new TlsArgs { CertificatePem = certificate.CertPem, PrivateKeyPem = key.PrivateKeyPem };
        }
        var args = new RealtimeEdgeArgs
        {
            Domain = domain,
            Mode = mode,
            BackendImage = Image,
            Listen = new ListenArgs { HttpPort = 8080, HttpsPort = 8443 },
            Upstreams = mode == "docker"
                ? new UpstreamsArgs
                {
                    Api = new ApiUpstreamArgs { Servers = ["api-1:9000", "api-2:9001"] },
                    Sse = new SseUpstreamArgs { Servers = ["sse-1:9100"] },
                    Ws = new WsUpstreamArgs { Servers = ["ws-1:9200"] },
                }
                : null,
            Kubernetes = mode == "docker" ? null : new KubernetesArgs { MetricsMonitor = true },
            Tls = tls,
        };
        adjust?.Invoke(args);
        return StackOutputs.Of(new RealtimeEdge("edge", args));
    }, mocks ?? new RecordingMocks { FirstPreview = preview }, preview);

    /// <summary>Every resource the edge registered (type and name), the test program's own left out.</summary>
    private static IReadOnlyList<string> EdgeResources(PulumiRun run) =>
        run.Mocks.Registered.Where(r => r.Type != "pulumi:pulumi:Stack" && !r.Name!.StartsWith("input-", StringComparison.Ordinal))
            .Select(r => $"{r.Type} {r.Name}").Order(StringComparer.Ordinal).ToArray();

    private static IReadOnlyList<string> Children(RecordingMocks mocks) =>
        mocks.Registered.Where(r => r.Type != "pulumi:pulumi:Stack" && r.Type != ComponentTypes.Edge && !r.Name!.StartsWith("input-", StringComparison.Ordinal))
            .Select(r => $"{r.Type} {r.Name}").ToArray();

    private static async Task<T> KnownValue<T>(Output<T> output)
    {
        Assert.True(await OutputUtilities.GetIsKnownAsync(output), "the output is unknown");
        return await OutputUtilities.GetValueAsync(output);
    }
}
