namespace RealtimeStack.Benchmark.Scale;

/// <summary>A client process after its ramp: streams open, attempts that failed, errors by kind, how long it took.</summary>
public sealed record FleetRamp(int Held, int Failed, Dictionary<string, int> Errors, double RampSeconds);

/// <summary>
/// Broadcast arrivals since the mark: streams up, streams that received an event since the mark, and each
/// round's arrival delays in µs, keyed by the round's send moment (monotonic ticks, as text for JSON).
/// </summary>
public sealed record FleetArrivals(int Up, int Alive, Dictionary<string, int[]> Rounds);

/// <summary>
/// Since the mark (a storm): streams up, ended, back, given up; errors and stream ends by kind; for every stream
/// that ended, when (monotonic ticks) and when it was back (0: not yet); reconnection attempts per stream.
/// </summary>
public sealed record FleetStorm(int Up, int Ended, int Back, int GaveUp, Dictionary<string, int> Errors, Dictionary<string, int> Ends, long[] EndedAt, long[] BackAt, int[] Attempts);

/// <summary>The answer to <c>mark</c>.</summary>
public sealed record FleetMarked(bool Marked);

/// <summary>A backend process's first line: the port it listens on (127.0.0.1).</summary>
public sealed record BackendPort(int Port);

/// <summary>The answer to a backend's <c>count</c>: the broadcast streams it holds.</summary>
public sealed record BackendStreams(int Streams);

/// <summary>The answer to <c>received</c>: events received since the mark.</summary>
public sealed record FleetReceived(long Events);
