using Pulumi;
using RealtimeStack.Edge.Cluster;
using RealtimeStack.Edge.Configuration;

namespace RealtimeStack.Components.Cluster;

/// <summary>
/// Kubernetes objects from the model's <see cref="CustomObject"/>s: which exist from the objects of the plain
/// inputs' model, what each holds from the whole model.
/// </summary>
internal static class CustomObjectResources
{
    /// <summary>Every object of a model, each resource named after the component, the object's kind and name.</summary>
    /// <param name="name">The creating component's name, which prefixes each resource's.</param>
    /// <param name="objects">The objects of a model (a pure function of it).</param>
    /// <param name="shape">The model of the plain inputs: which objects exist.</param>
    /// <param name="model">The whole model: what they hold.</param>
    /// <param name="namespace">The namespace resource's name output, for the namespaced objects (so they come after it).</param>
    /// <param name="options">Parent and dependencies of every object.</param>
    public static IReadOnlyList<(CustomObject Shape, KubernetesObject Resource)> Create(
        string name, Func<StackModel, IEnumerable<CustomObject>> objects, StackModel shape, Output<StackModel> model, Input<string> @namespace, CustomResourceOptions options) =>
        objects(shape).Select(item => (item, CreateOne(name, item, model.Apply(m => Find(objects(m), item)), @namespace, options))).ToArray();

    /// <summary>One object: <paramref name="shape"/> names it and gives its type, <paramref name="item"/> holds its values.</summary>
    public static KubernetesObject CreateOne(string name, CustomObject shape, Output<CustomObject> item, Input<string> @namespace, CustomResourceOptions options) =>
        CreateNamed($"{name}-{shape.Kind.ToLowerInvariant()}-{shape.Name}", shape, item, @namespace, options);

    /// <summary>One object under a resource name of the caller's (the objects of one backend share theirs, one per kind).</summary>
    public static KubernetesObject CreateNamed(string resourceName, CustomObject shape, Output<CustomObject> item, Input<string>? @namespace, CustomResourceOptions options) =>
        new(resourceName, shape, CustomObjectArgs.From(shape, item, @namespace), options);

    /// <summary>A namespace the stack owns, named by the model; its name as an output, which what goes in it waits for.</summary>
    public static Output<string> Namespace(string resourceName, Output<string> name, CustomResourceOptions options) =>
        CreateNamed(resourceName, NamespaceObject.For(""), name.Apply(NamespaceObject.For), null, options).Metadata.Apply(m => m.Name);

    /// <summary>The name of the one object of <paramref name="kind"/> among those created, as an output.</summary>
    public static Output<string> NameOf(this IReadOnlyList<(CustomObject Shape, KubernetesObject Resource)> created, string kind) =>
        created.Single(c => c.Shape.Kind == kind).Resource.Metadata.Apply(m => m.Name);

    /// <summary>The model's object of the same kind and name as one of the shape's.</summary>
    public static CustomObject Find(IEnumerable<CustomObject> objects, CustomObject shape) =>
        objects.SingleOrDefault(o => o.Kind == shape.Kind && o.Name == shape.Name)
        ?? throw new InvalidOperationException($"the model has no {shape.Kind} {shape.Name}: only plain inputs may decide which objects exist");
}
