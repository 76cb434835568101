using System.Reflection;
using Pulumi;

namespace RealtimeStack.Components.Tests.Support;

/// <summary>
/// Parent/child links of registered resources. Mock URNs carry only the root type, so the tree is read from the
/// SDK's own record of each resource's children (an internal property; a clear failure if the SDK renames it).
/// </summary>
public static class ResourceTree
{
    private static readonly PropertyInfo ChildResources =
        typeof(Resource).GetProperty("ChildResources", BindingFlags.Instance | BindingFlags.NonPublic)
        ?? throw new InvalidOperationException("Pulumi.Resource.ChildResources not found: update ResourceTree for this SDK version");

    public static IReadOnlyList<Resource> Children(Resource parent)
    {
        var children = (HashSet<Resource>)ChildResources.GetValue(parent)!;
        lock (children) return children.ToArray();
    }

    public static IEnumerable<Resource> Descendants(Resource parent) =>
        Children(parent).SelectMany(child => Descendants(child).Prepend(child));
}
