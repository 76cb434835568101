namespace RealtimeStack.Edge.Model;

/// <summary>
/// One backend pool. <see cref="Keepalive"/> is the number of idle connections each worker keeps open to it
/// (0 = none). <see cref="Stickiness"/> says how a client is pinned to one of its servers.
/// </summary>
public sealed record UpstreamGroup(string Name, IReadOnlyList<Endpoint> Servers, int Keepalive, Stickiness Stickiness);
