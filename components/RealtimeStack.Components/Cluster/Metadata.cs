using Pulumi;
using Pulumi.Kubernetes.Types.Inputs.Meta.V1;

namespace RealtimeStack.Components.Cluster;

/// <summary>Object metadata with fixed names: under a real provider too, names stay what the model says.</summary>
internal static class Metadata
{
    public static ObjectMetaArgs Named(string name, Input<string> @namespace, IReadOnlyDictionary<string, string>? labels = null, IReadOnlyDictionary<string, string>? annotations = null)
    {
        var meta = new ObjectMetaArgs { Name = name, Namespace = @namespace };
        foreach (var (key, value) in labels ?? new Dictionary<string, string>()) meta.Labels.Add(key, value);
        foreach (var (key, value) in annotations ?? new Dictionary<string, string>()) meta.Annotations.Add(key, value);
        return meta;
    }
}
