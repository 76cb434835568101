namespace RealtimeStack.Edge.Model;

/// <summary>
/// One backend pool. <see cref="Keepalive"/> is the number of idle connections each worker keeps open to it
/// (0 = none). <see cref="StickyByClientAddress"/> pins a client to one server by its address.
/// </summary>
public sealed record UpstreamGroup(string Name, IReadOnlyList<Endpoint> Servers, int Keepalive, bool StickyByClientAddress);
