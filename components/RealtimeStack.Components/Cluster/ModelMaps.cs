using System.Collections.Immutable;
using Pulumi;

namespace RealtimeStack.Components.Cluster;

/// <summary>Maps of the model as the Outputs Pulumi takes for map inputs.</summary>
internal static class ModelMaps
{
    /// <summary>A map of the model as an Output of what Pulumi takes for a map input.</summary>
    public static Output<ImmutableDictionary<string, TValue>> Map<T, TValue>(this Output<T> source, Func<T, IEnumerable<KeyValuePair<string, TValue>>> map) =>
        source.Apply(s => map(s).ToImmutableDictionary());
}
