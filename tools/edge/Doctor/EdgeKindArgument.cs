namespace RealtimeStack.Cli.Doctor;

/// <summary><c>--edge nginx|ingress-nginx|envoy-gateway</c>: which edge the fixes are for; the names are also the report's.</summary>
public static class EdgeKindArgument
{
    public const string Option = "--edge";

    private static readonly (string Name, EdgeKind Kind)[] Names =
    [
        ("nginx", EdgeKind.Nginx),
        ("ingress-nginx", EdgeKind.IngressNginx),
        ("envoy-gateway", EdgeKind.EnvoyGateway),
    ];

    public static string Allowed { get; } = string.Join("|", Names.Select(n => n.Name));

    public static string Name(EdgeKind kind) => Names.Single(n => n.Kind == kind).Name;

    public static EdgeKind? Parse(string? raw, List<string> problems)
    {
        if (raw is null) return null;
        foreach (var (name, kind) in Names)
            if (name.Equals(raw, StringComparison.OrdinalIgnoreCase)) return kind;
        problems.Add($"{Option} '{RealtimeStack.Edge.Model.InputText.Shorten(raw)}' must be one of {Allowed}");
        return null;
    }
}
