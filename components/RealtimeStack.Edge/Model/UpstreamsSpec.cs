namespace RealtimeStack.Edge.Model;

/// <summary>The three backend pools, one per role, and how long a server that failed is left out.</summary>
public sealed record UpstreamsSpec(UpstreamGroup Api, UpstreamGroup Sse, UpstreamGroup Ws, Duration FailTimeout)
{
    public IEnumerable<UpstreamGroup> All => [Api, Sse, Ws];

    /// <summary>The pool a route of this kind proxies to.</summary>
    public UpstreamGroup For(RouteKind kind) => kind switch
    {
        RouteKind.Api => Api,
        RouteKind.ServerSentEvents => Sse,
        _ => Ws,
    };
}
