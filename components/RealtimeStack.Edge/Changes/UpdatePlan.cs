using RealtimeStack.Edge.Model;

namespace RealtimeStack.Edge.Changes;

/// <summary>
/// What a <c>pulumi up</c> from one stack model to another does to the running edge: the settings that differ,
/// each change with its effect on open streams, and the unified diff of the configuration it renders.
/// </summary>
public sealed record UpdatePlan(EdgeMode Mode, IReadOnlyList<string> ChangedSettings, IReadOnlyList<PlannedChange> Changes, string ConfigurationDiff)
{
    public bool CutsStreams => Changes.Any(c => c.Streams == StreamEffect.Cut);

    public bool IsEmpty => Changes.Count == 0;
}
