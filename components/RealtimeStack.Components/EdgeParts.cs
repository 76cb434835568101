using System.Collections.Immutable;
using Pulumi;
using RealtimeStack.Edge.Configuration;

namespace RealtimeStack.Components;

/// <summary>
/// What every child of a <see cref="RealtimeEdge"/> is built from: <see cref="Shape"/> says which resources exist
/// and how they are named (from the plain inputs); <see cref="Model"/> holds every value, as an Output; and
/// <see cref="Checked"/>, which fails when an input is bad, is a dependency of every child, so that none is created
/// or changed before all inputs are known and valid.
/// </summary>
internal sealed record EdgeParts(Resource Owner, string Name, StackModel Shape, Output<StackModel> Model, Output<ImmutableArray<Resource>> Checked)
{
    public CustomResourceOptions Child() => new() { Parent = Owner, DependsOn = Checked };

    /// <summary>A child component, after the check and after <paramref name="after"/>; its own children wait for it.</summary>
    public ComponentResourceOptions ChildComponent(params Resource[] after)
    {
        var options = new ComponentResourceOptions { Parent = Owner, DependsOn = Checked };
        foreach (var resource in after) options.DependsOn.Add(resource);
        return options;
    }
}
