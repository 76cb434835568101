namespace RealtimeStack.Edge.Nginx;

/// <summary>
/// One nginx directive: a name, its arguments and, for block directives, its children.
/// nginx.conf is built as a tree of these and written by <see cref="NginxConfWriter"/> alone.
/// </summary>
public sealed record Directive(string Name, IReadOnlyList<string> Args, IReadOnlyList<Directive>? Block = null)
{
    /// <summary>Positions in <see cref="Args"/> written as quoted strings (see <see cref="QuotedText"/>) instead of
    /// bare tokens. Only <see cref="WithQuoted"/> sets them.</summary>
    public IReadOnlySet<int> QuotedArgs { get; init; } = new HashSet<int>();

    public static Directive Simple(string name, params string[] args) => new(name, args);

    /// <summary>A directive whose leading <paramref name="tokens"/> are bare and whose trailing
    /// <paramref name="quoted"/> arguments are fixed strings written quoted (log_format's template).</summary>
    public static Directive WithQuoted(string name, IEnumerable<string> tokens, IEnumerable<QuotedText> quoted)
    {
        var bare = tokens.ToArray();
        var strings = quoted.Select(q => q.Text).ToArray();
        return new Directive(name, [.. bare, .. strings])
        {
            QuotedArgs = Enumerable.Range(bare.Length, strings.Length).ToHashSet(),
        };
    }

    public static Directive Blocked(string name, IEnumerable<string> args, IEnumerable<Directive?> children) =>
        new(name, args.ToArray(), children.OfType<Directive>().ToArray());

    public static Directive Blocked(string name, IEnumerable<Directive?> children) => Blocked(name, [], children);

    /// <summary>Children with this name, in order.</summary>
    public IEnumerable<Directive> Children(string name) => (Block ?? []).Where(d => d.Name == name);

    /// <summary>Every directive in this subtree, depth first.</summary>
    public IEnumerable<Directive> Descendants() => (Block ?? []).SelectMany(d => d.Descendants().Prepend(d));
}
