using Pulumi;
using RealtimeStack.Edge.Cluster;
using RealtimeStack.Edge.Hosting;
using KubernetesCustomResource = Pulumi.Kubernetes.ApiExtensions.CustomResource;

namespace RealtimeStack.Components.Cluster;

/// <summary>
/// Custom resources from the model's <see cref="CustomObject"/>s, each named after its kind and name: which exist
/// from the objects of the plain inputs' model, what each holds from the whole model.
/// </summary>
internal static class CustomObjectResources
{
    /// <param name="name">The creating component's name, which prefixes each resource's.</param>
    /// <param name="objects">The objects of a model (a pure function of it).</param>
    /// <param name="shape">The model of the plain inputs: which objects exist.</param>
    /// <param name="model">The whole model: what they hold.</param>
    /// <param name="namespace">The namespace resource's name output, for the namespaced objects (so they come after it).</param>
    /// <param name="options">Parent and dependencies of every object.</param>
    public static IReadOnlyList<(CustomObject Shape, KubernetesCustomResource Resource)> Create(
        string name, Func<StackModel, IEnumerable<CustomObject>> objects, StackModel shape, Output<StackModel> model, Input<string> @namespace, CustomResourceOptions options) =>
        objects(shape).Select(item => (item, CreateOne(name, item, model.Apply(m => Find(objects(m), item)), @namespace, options))).ToArray();

    /// <summary>One object: <paramref name="shape"/> names it and gives its type, <paramref name="item"/> holds its values.</summary>
    public static KubernetesCustomResource CreateOne(string name, CustomObject shape, Output<CustomObject> item, Input<string> @namespace, CustomResourceOptions options) =>
        new($"{name}-{shape.Kind.ToLowerInvariant()}-{shape.Name}", CustomObjectArgs.From(shape, item, @namespace), options);

    /// <summary>The name of the one object of <paramref name="kind"/> among those created, as an output.</summary>
    public static Output<string> NameOf(this IReadOnlyList<(CustomObject Shape, KubernetesCustomResource Resource)> created, string kind) =>
        created.Single(c => c.Shape.Kind == kind).Resource.Metadata.Apply(m => m.Name);

    /// <summary>The model's object of the same kind and name as one of the shape's.</summary>
    public static CustomObject Find(IEnumerable<CustomObject> objects, CustomObject shape) =>
        objects.SingleOrDefault(o => o.Kind == shape.Kind && o.Name == shape.Name)
        ?? throw new InvalidOperationException($"the model has no {shape.Kind} {shape.Name}: only plain inputs may decide which objects exist");
}
