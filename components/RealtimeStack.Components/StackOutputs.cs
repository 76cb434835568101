using System.Reflection;

namespace RealtimeStack.Components;

/// <summary>
/// A resource's <c>[Output]</c> properties by their output names: what a component registers as its outputs and
/// what a stack exports from it, so each name is written once, on the property.
/// </summary>
public static class StackOutputs
{
    public static Dictionary<string, object?> Of(Pulumi.Resource resource) =>
        resource.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Select(p => (Property: p, Name: AttributeNames.OutputName(p)))
            .Where(p => p.Name is not null)
            .ToDictionary(p => p.Name!, p => p.Property.GetValue(resource));
}
