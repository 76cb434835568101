using System.Text.Json;
using k8s;
using RealtimeStack.Components.Tests.Support;
using RealtimeStack.Edge.Cluster;
using YamlDotNet.Serialization;
using RealtimeStack.Edge.Configuration;
using RealtimeStack.Edge.Model;
using RealtimeStack.Edge.Rendering;

namespace RealtimeStack.Components.Tests;

/// <summary>
/// <c>edge render</c> in the cluster modes prints what the component creates: every Kubernetes object the component
/// registers (the Helm releases and the CRDs apart, which are charts) is a rendered object with the same manifest,
/// and every rendered object is registered; the built-in kinds load with KubernetesClient's strict loader.
/// </summary>
public sealed class RenderedObjectsTests
{
    public static TheoryData<string> ClusterStacks => new() { "k8s", "gateway" };

    [Theory]
    [MemberData(nameof(ClusterStacks))]
    public async Task The_rendered_objects_are_the_objects_the_component_creates(string stack)
    {
        var config = StackConfig.FromStackFile(stack);
        var run = await PulumiRun.OfStackAsync(config);
        var model = StackModel.Bind(config);
        var secretName = await Outputs.Value(run.Single<RealtimeStack.Components.Cluster.TlsSecret>().SecretName);

        var registered = run.Mocks.Registered
            .Where(r => r.Type!.StartsWith("kubernetes:", StringComparison.Ordinal) && !r.Type.StartsWith("kubernetes:helm.sh/", StringComparison.Ordinal)
                && r.Type != "kubernetes:apiextensions.k8s.io/v1:CustomResourceDefinition" && r.Type != "kubernetes:core/v1:Secret")
            .Select(r => Canonical(r.Inputs))
            .Order(StringComparer.Ordinal)
            .ToArray();
        var rendered = RenderedConfiguration.Sections(model)
            .Where(s => s.IsObject && !s.Header.StartsWith("Secret ", StringComparison.Ordinal))
            .Select(s => Canonical(s.Body))
            .Order(StringComparer.Ordinal)
            .ToArray();
        // The Ingresses and the Gateway name the Secret by its generated name; the rendering by its placeholder.
        var created = registered.Select(r => r.Replace($"\"{secretName}\"", $"\"{TlsSecretSettings.GeneratedName}\"", StringComparison.Ordinal)).ToArray();
        Assert.Equal(rendered.Length, created.Length);
        foreach (var (expected, actual) in rendered.Zip(created)) Assert.Equal(expected, actual);
        Assert.Equal(model.Deployment.Mode == EdgeMode.Gateway ? 22 : 14, rendered.Length);
    }

    [Theory]
    [MemberData(nameof(ClusterStacks))]
    public void The_rendered_built_in_objects_pass_the_kubernetes_schema(string stack)
    {
        var model = StackModel.Bind(StackConfig.FromStackFile(stack));
        var builtIn = RenderedConfiguration.Sections(model).Where(s => s.IsObject && BuiltIn((SortedDictionary<string, object>)s.Body)).ToArray();
        Assert.True(builtIn.Length >= 12, $"only {builtIn.Length} built-in objects");
        // The objects text itself, as kubectl would read it, one document at a time.
        var yaml = RenderedConfiguration.Objects(model);
        foreach (var document in yaml.Split("---\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var manifest = new DeserializerBuilder().Build().Deserialize<Dictionary<string, object>>(document);
            if (!BuiltIn(manifest)) continue;
            Assert.Single(KubernetesYaml.LoadAllFromString(document, null, true));
        }
    }

    /// <summary>The objects of built-in kinds are the resources the Kubernetes SDK's typed classes would be (the
    /// same type token, so the same URN): stacks made with those classes keep their resources.</summary>
    [Fact]
    public void Built_in_objects_have_the_typed_classes_type_tokens()
    {
        var model = StackModel.Bind(StackConfig.FromStackFile("k8s"));
        var objects = RenderedConfiguration.Sections(model).Where(s => s.IsObject).Select(s => (SortedDictionary<string, object>)s.Body)
            .Select(m => new CustomObject((string)m["apiVersion"], (string)m["kind"], "x", null, [])).ToArray();
        var typed = new[]
        {
            typeof(Pulumi.Kubernetes.Core.V1.Namespace), typeof(Pulumi.Kubernetes.Core.V1.Service), typeof(Pulumi.Kubernetes.Apps.V1.Deployment),
            typeof(Pulumi.Kubernetes.Policy.V1.PodDisruptionBudget), typeof(Pulumi.Kubernetes.Networking.V1.Ingress), typeof(Pulumi.Kubernetes.Core.V1.Secret),
        }.ToDictionary(t => t.Name, t => System.Reflection.CustomAttributeExtensions.GetCustomAttribute<Pulumi.ResourceTypeAttribute>(t, inherit: true)!.Type);
        Assert.Equal(typed.Keys.Order(), objects.Select(o => o.Kind).Distinct().Order());
        foreach (var o in objects) Assert.Equal(typed[o.Kind], o.PulumiType);
    }

    private static bool BuiltIn(IDictionary<string, object> manifest) =>
        manifest["apiVersion"] is "v1" or "apps/v1" or "policy/v1" or "networking.k8s.io/v1";

    // Maps with sorted keys, without empty maps (an empty labels map is no labels to Kubernetes), whole numbers as
    // integers: a mock's inputs and a rendered manifest compare as text.
    private static string Canonical(object value) => JsonSerializer.Serialize(Plain(value));

    private static object? Plain(object? value) => value switch
    {
        null => null,
        string or bool => value,
        double d when d == Math.Floor(d) => (long)d,
        int i => (long)i,
        System.Collections.IDictionary map => map.Keys.Cast<object>().Select(k => (string)k)
            .Where(k => map[k] is not System.Collections.IDictionary { Count: 0 })
            .Order(StringComparer.Ordinal).ToDictionary(k => k, k => Plain(map[k])),
        System.Collections.IEnumerable list => list.Cast<object?>().Select(Plain).ToList(),
        _ => value,
    };
}
