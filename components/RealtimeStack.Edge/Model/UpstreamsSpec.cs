namespace RealtimeStack.Edge.Model;

/// <summary>The three backend pools, one per role.</summary>
public sealed record UpstreamsSpec(UpstreamGroup Api, UpstreamGroup Sse, UpstreamGroup Ws)
{
    public IEnumerable<UpstreamGroup> All => [Api, Sse, Ws];
}
