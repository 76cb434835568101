namespace RealtimeStack.Edge.Model;

/// <summary>The three routes of the TLS server.</summary>
public sealed record RoutesSpec(RouteSpec Api, RouteSpec Sse, RouteSpec Ws)
{
    public IEnumerable<RouteSpec> All => [Api, Sse, Ws];
}
