namespace RealtimeStack.Cli.Doctor;

/// <summary>
/// Which edge the report is about: given with <c>--edge</c>, or detected from the Server headers the probes saw
/// (<see cref="EdgeKindDetector"/>). <see cref="Kind"/> is null when nothing said; <see cref="Evidence"/> says why.
/// </summary>
public sealed record EdgeIdentity(EdgeKind? Kind, bool Given, string Evidence)
{
    public static EdgeIdentity FromOption(EdgeKind kind) => new(kind, true, $"given with {EdgeKindArgument.Option}");

    public string Name => Kind is { } kind ? EdgeKindArgument.Name(kind) : "unknown";
}
