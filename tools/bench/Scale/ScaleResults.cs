namespace RealtimeStack.Benchmark.Scale;

/// <summary>The nginx settings a run used, as rendered (so each figure says what produced it).</summary>
public sealed record EdgeSettings(string WorkerProcesses, string WorkerConnections, string WorkerRlimitNofile, string Listen, string ClientHeaderTimeout, string WorkerShutdownTimeout);

/// <summary>
/// A ramp over all client processes: streams open, attempts failed, errors by kind, time and rate, and the CPU time
/// nginx spent per stream opened (µs: handshake, request, upstream connection; none when direct).
/// </summary>
public sealed record RampFigures(int Target, int Held, int Failed, Dictionary<string, int> Errors, double Seconds, double PerSecond, double? EdgeCpuMicrosPerStream = null);

/// <summary>
/// Broadcast rounds over the held streams: streams written to by the backends, events received, each arrival's
/// delay after its round's send moment (µs), per round the delay until the last subscriber had it (µs), and the CPU
/// time nginx spent per event received (µs; none when direct).
/// </summary>
public sealed record BroadcastFigures(int Rounds, int Up, int Alive, long Sent, long Received, Percentiles Arrival, Percentiles LastSubscriber, double BackendWriteMaxMs, double? EdgeCpuMicrosPerEvent);

/// <summary>nginx's memory: idle, with the streams held, and the difference per 1,000 held streams (MiB).</summary>
public sealed record EdgeMemory(double IdlePssMib, double HeldPssMib, double HeldRssMib, double PssMibPer1000, double RssMibPer1000);

/// <summary><c>--capacity</c>: streams per connection (1: HTTP/1.1, more: HTTP/2), the ramp, the streams alive at the hold, memory, the kernel's counters, the machine's load.</summary>
public sealed record CapacityFigures(ScaleSetup Setup, EdgeSettings Settings, int StreamsPerConnection, RampFigures Ramp, BroadcastFigures Hold, EdgeMemory Memory, KernelCounters Counters, MachineLoad RampLoad, IReadOnlyList<string> NginxComplaints);

/// <summary><c>--broadcast</c>: the same streams and rounds direct to the backends and through the edge.</summary>
public sealed record BroadcastComparison(ScaleSetup Setup, EdgeSettings Settings, RampFigures DirectRamp, BroadcastFigures Direct, MachineLoad DirectLoad, RampFigures EdgeRamp, BroadcastFigures Edge, MachineLoad EdgeLoad);

/// <summary>
/// <c>--storm</c>: every held stream cut at once and reconnecting: how long until all were back, the CPU time per
/// stream back of nginx, the backends and the clients, each stream's outage, reconnection attempts, errors and ends by kind, clients that gave up, the kernel's counters, the load.
/// </summary>
public sealed record StormFigures(
    ScaleSetup Setup, EdgeSettings Settings, string Variant, RampFigures Ramp, int Cut, int Back, int GaveUp, int NotBack,
    double AllBackSeconds, ReconnectCpu? CpuPerReconnect, Percentiles OutageMs, Percentiles BackAfterCutMs, IReadOnlyList<TimelinePoint> Timeline,
    Percentiles Attempts, Dictionary<string, int> Errors, Dictionary<string, int> Ends, KernelCounters Counters, MachineLoad Load, IReadOnlyList<string> NginxComplaints);

/// <summary>Streams back this many seconds after the cut.</summary>
public sealed record TimelinePoint(double Seconds, int Back);

/// <summary>
/// CPU time per stream back after a storm (µs, the failed attempts' included), by who spent it: nginx (master and
/// workers, old and new), the backend processes and the client processes. On one host they share the cores; apart,
/// nginx's share is what the edge's host must have.
/// </summary>
public sealed record ReconnectCpu(double Nginx, double Backends, double Clients);
