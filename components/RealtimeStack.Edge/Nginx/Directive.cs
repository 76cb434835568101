namespace RealtimeStack.Edge.Nginx;

/// <summary>
/// One nginx directive: a name, its arguments and, for block directives, its children.
/// nginx.conf is built as a tree of these and written by <see cref="NginxConfWriter"/> alone.
/// </summary>
public sealed record Directive(string Name, IReadOnlyList<string> Args, IReadOnlyList<Directive>? Block = null)
{
    public static Directive Simple(string name, params string[] args) => new(name, args);

    public static Directive Blocked(string name, IEnumerable<string> args, IEnumerable<Directive?> children) =>
        new(name, args.ToArray(), children.OfType<Directive>().ToArray());

    public static Directive Blocked(string name, IEnumerable<Directive?> children) => Blocked(name, [], children);

    /// <summary>Children with this name, in order.</summary>
    public IEnumerable<Directive> Children(string name) => (Block ?? []).Where(d => d.Name == name);

    /// <summary>Every directive in this subtree, depth first.</summary>
    public IEnumerable<Directive> Descendants() => (Block ?? []).SelectMany(d => d.Descendants().Prepend(d));
}
