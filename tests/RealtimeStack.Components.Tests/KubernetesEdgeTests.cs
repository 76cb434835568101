using System.Collections.Immutable;
using Pulumi;
using RealtimeStack.Components.Cluster;
using RealtimeStack.Components.Tests.Support;
using RealtimeStack.Edge.Configuration;
using RealtimeStack.Edge.IngressNginx;

namespace RealtimeStack.Components.Tests;

/// <summary>The Kubernetes stack (Pulumi.k8s.yaml) under Pulumi mocks, every object checked against the schema.</summary>
public sealed class KubernetesEdgeTests
{
    private const string Cert = "realtime:tlsCert";
    private const string Key = "realtime:tlsKey";

    private static Task<PulumiRun> RunK8s(params (string, string)[] changes) =>
        PulumiRun.OfStackAsync(StackConfig.FromStackFile("k8s", changes));

    private static async Task<PulumiRun> RunK8sWithCertificate()
    {
        var pem = Edge.Tls.SelfSignedCertificate.Create(["realtime.example.com"], TimeSpan.FromDays(30));
        return await PulumiRun.OfStackAsync(StackConfig.FromStackFile("k8s", (Cert, pem.CertificatePem), (Key, pem.PrivateKeyPem)), Cert, Key);
    }

    [Fact]
    public async Task Creates_the_controller_backends_secret_and_ingresses()
    {
        var run = await RunK8s();
        var types = run.Mocks.Registered.GroupBy(r => r.Type!).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(1, types["kubernetes:helm.sh/v3:Release"]);
        // The backends' namespace and the controller's, both owned by the stack (the release creates none).
        Assert.Equal(2, types["kubernetes:core/v1:Namespace"]);
        Assert.Equal(3, types["kubernetes:apps/v1:Deployment"]);
        Assert.Equal(3, types["kubernetes:core/v1:Service"]);
        Assert.Equal(3, types["kubernetes:policy/v1:PodDisruptionBudget"]);
        Assert.Equal(1, types["kubernetes:core/v1:Secret"]);
        Assert.Equal(3, types["kubernetes:networking.k8s.io/v1:Ingress"]);
        Assert.Equal(3, types[ComponentTypes.Backend]);
        Assert.False(types.ContainsKey("docker:index/container:Container"));
        var edge = run.Single<RealtimeEdge>();
        Assert.Equal(
            // No certificate is configured in Pulumi.k8s.yaml, so one is generated.
            [ComponentTypes.Backend, ComponentTypes.Backend, ComponentTypes.Backend, ComponentTypes.DevCertificate, ComponentTypes.IngressNginxEdge, ComponentTypes.Ingress, ComponentTypes.TlsSecret],
            ResourceTree.Children(edge).OfType<ComponentResource>().Select(c => c.GetResourceType()).Order());
        foreach (var backend in run.Resources.OfType<Backend>())
            Assert.Equal(["kubernetes:apps/v1:Deployment", "kubernetes:core/v1:Service", "kubernetes:policy/v1:PodDisruptionBudget"],
                ResourceTree.Children(backend).Select(r => r.GetResourceType()).Order());
        Assert.Equal(3, ResourceTree.Children(run.Single<RealtimeIngress>()).Count);
        var descendants = ResourceTree.Descendants(edge).ToHashSet();
        Assert.All(run.Resources.Where(r => r is not Stack && r != edge), r => Assert.True(descendants.Contains(r), $"{r.GetResourceType()} is not under the edge"));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Every_kubernetes_object_passes_the_schema()
    {
        var run = await RunK8s();
        var objects = run.Mocks.Registered.Where(r => r.Type!.StartsWith("kubernetes:", StringComparison.Ordinal) && r.Type != "kubernetes:helm.sh/v3:Release").ToArray();
        Assert.Equal(15, objects.Length);
        foreach (var o in objects) KubernetesSchema.Validate(o.Inputs);
    }

    [Fact]
    public void The_schema_check_rejects_a_misspelled_field()
    {
        var bad = ImmutableDictionary<string, object>.Empty
            .Add("apiVersion", "v1").Add("kind", "Service")
            .Add("metadata", ImmutableDictionary<string, object>.Empty.Add("name", "x"))
            .Add("spec", ImmutableDictionary<string, object>.Empty.Add("sessionAfinity", "ClientIP"));
        Assert.ThrowsAny<Exception>(() => KubernetesSchema.Validate(bad));
    }

    [Fact]
    public async Task Services_keep_client_ip_affinity_and_deployments_drain()
    {
        var run = await RunK8s();
        foreach (var service in run.Mocks.OfType("kubernetes:core/v1:Service"))
        {
            var spec = (k8s.Models.V1Service)KubernetesSchema.Validate(service.Inputs);
            Assert.Equal("ClientIP", spec.Spec.SessionAffinity);
            Assert.Equal(10800, spec.Spec.SessionAffinityConfig.ClientIP.TimeoutSeconds);
        }
        foreach (var deployment in run.Mocks.OfType("kubernetes:apps/v1:Deployment"))
        {
            var d = (k8s.Models.V1Deployment)KubernetesSchema.Validate(deployment.Inputs);
            var pod = d.Spec.Template.Spec;
            Assert.Equal(60, pod.TerminationGracePeriodSeconds);
            Assert.Equal(10, pod.Containers[0].Lifecycle.PreStop.Sleep.Seconds);
            Assert.Equal("/healthz", pod.Containers[0].ReadinessProbe.HttpGet.Path);
            Assert.Equal("registry.example.com/realtime/sample-backends:1.0.0", pod.Containers[0].Image);
            Assert.Equal(2, d.Spec.Replicas);
        }
    }

    [Fact]
    public async Task The_helm_release_is_pinned_and_its_values_come_from_the_model()
    {
        var run = await RunK8s();
        var release = Assert.Single(run.Mocks.OfType("kubernetes:helm.sh/v3:Release"));
        Assert.Equal("ingress-nginx", release.Inputs["chart"]);
        Assert.Equal("4.15.1", release.Inputs["version"]);
        // The namespace is the stack's resource, not created by Helm outside Pulumi's state.
        Assert.Equal(false, release.Inputs["createNamespace"]);
        Assert.Equal(IngressNginxChart.NamespaceOf(StackModel.Bind(StackConfig.FromStackFile("k8s")).Deployment), release.Inputs["namespace"]);
        Assert.Contains(run.Mocks.OfType("kubernetes:core/v1:Namespace"), n => (string)((ImmutableDictionary<string, object>)n.Inputs["metadata"])["name"] == (string)release.Inputs["namespace"]);
        Assert.Equal(IngressNginxChart.Repository, ((ImmutableDictionary<string, object>)release.Inputs["repositoryOpts"])["repo"]);
        var controller = (ImmutableDictionary<string, object>)((ImmutableDictionary<string, object>)release.Inputs["values"])["controller"];
        var config = (ImmutableDictionary<string, object>)controller["config"];
        var model = StackModel.Bind(StackConfig.FromStackFile("k8s"));
        Assert.Equal(ControllerValues.ConfigMap(model.Edge), config.ToDictionary(kv => kv.Key, kv => (string)kv.Value));
        Assert.Equal(false, controller["allowSnippetAnnotations"]);
        Assert.Equal("Local", ((ImmutableDictionary<string, object>)controller["service"])["externalTrafficPolicy"]);
        Assert.Equal("realtime-nginx", ((ImmutableDictionary<string, object>)controller["ingressClassResource"])["name"]);
        Assert.Equal(2d, controller["replicaCount"]);
    }

    [Fact]
    public async Task Ingresses_route_each_path_with_its_own_annotations_and_tls()
    {
        var run = await RunK8s();
        var ingresses = run.Mocks.OfType("kubernetes:networking.k8s.io/v1:Ingress").Select(i => (k8s.Models.V1Ingress)KubernetesSchema.Validate(i.Inputs)).ToArray();
        Assert.Equal(["/api/", "/sse/", "/ws/"], ingresses.Select(i => i.Spec.Rules.Single().Http.Paths.Single().Path).Order());
        foreach (var ingress in ingresses)
        {
            Assert.Equal("realtime-nginx", ingress.Spec.IngressClassName);
            Assert.Equal(["realtime.example.com"], ingress.Spec.Tls.Single().Hosts);
            // The Secret is auto-named, so a new certificate is a new Secret created before the old one goes.
            Assert.Equal(RecordingMocks.AutoName("edge-tls"), ingress.Spec.Tls.Single().SecretName);
            Assert.DoesNotContain("nginx.ingress.kubernetes.io/enable-websocket", ingress.Metadata.Annotations.Keys);
            Assert.DoesNotContain("nginx.ingress.kubernetes.io/rewrite-target", ingress.Metadata.Annotations.Keys);
            Assert.Equal("Prefix", ingress.Spec.Rules.Single().Http.Paths.Single().PathType);
        }
        var sse = ingresses.Single(i => i.Spec.Rules.Single().Http.Paths.Single().Path == "/sse/");
        Assert.Equal("off", sse.Metadata.Annotations["nginx.ingress.kubernetes.io/proxy-buffering"]);
        Assert.Equal("$remote_addr", sse.Metadata.Annotations["nginx.ingress.kubernetes.io/upstream-hash-by"]);
        Assert.Equal("realtime-sse", sse.Spec.Rules.Single().Http.Paths.Single().Backend.Service.Name);
    }

    [Fact]
    public async Task The_configured_key_stays_a_secret_end_to_end()
    {
        var run = await RunK8sWithCertificate();
        var registered = Assert.Single(run.Mocks.OfType("kubernetes:core/v1:Secret"));
        Assert.Equal("kubernetes.io/tls", registered.Inputs["type"]);
        var data = (System.Collections.Immutable.ImmutableDictionary<string, object>)registered.Inputs["stringData"];
        Assert.Contains("PRIVATE KEY", (string)data["tls.key"]);
        // No certificate was generated, and no component or stack output carries the key in plaintext.
        Assert.Empty(run.Resources.OfType<DevCertificate>());
        Assert.Empty(await SecretOutputs.PlaintextKeysAsync(run.Mocks));
        foreach (var name in new[] { "publicUrl", "configHash", "ingressClass", "mode" })
            Assert.DoesNotContain("PRIVATE KEY", await run.StackOutput<string>(name));
        Assert.Equal("realtime-nginx", await run.StackOutput<string>("ingressClass"));
        Assert.Equal(["realtime-ws"], (await run.StackOutput<Dictionary<string, string[]>>("serviceNames"))["ws"]);
    }
}
