using System.Collections.Immutable;
using Pulumi;
using Pulumi.Kubernetes.Types.Inputs.Meta.V1;

namespace RealtimeStack.Components.Cluster;

/// <summary>Object metadata with fixed names: under a real provider too, names stay what the model says.</summary>
internal static class Metadata
{
    public static ObjectMetaArgs Named(Input<string> name, Input<string> @namespace, Output<ImmutableDictionary<string, string>>? labels = null, Output<ImmutableDictionary<string, string>>? annotations = null) =>
        new()
        {
            Name = name,
            Namespace = @namespace,
            Labels = labels ?? new InputMap<string>(),
            Annotations = annotations ?? new InputMap<string>(),
        };

    /// <summary>A map of the model as an Output of what Pulumi takes for a map input.</summary>
    public static Output<ImmutableDictionary<string, TValue>> Map<T, TValue>(this Output<T> source, Func<T, IEnumerable<KeyValuePair<string, TValue>>> map) =>
        source.Apply(s => map(s).ToImmutableDictionary());
}
