namespace RealtimeStack.Benchmark;

/// <summary>Streams held when ramping to a target, the first failure, and nginx memory per 1,000 held streams.</summary>
public sealed record CapacityResult(int Target, int Held, int Failed, string? FirstFailure, double RampSeconds, double? NginxMibPer1000);

/// <summary>Streams held before an <c>nginx -s reload</c> and still alive 10 s after it.</summary>
public sealed record ReloadResult(int Held, int Alive);

/// <summary>Everything measured for one side of the comparison.</summary>
public sealed record TargetResult(
    string Name,
    string Label,
    Percentiles Sse,
    Percentiles Ws,
    CapacityResult SseCapacity,
    CapacityResult? WsCapacity,
    ReloadResult? Reload);

/// <summary>One benchmark run: where it ran and what it measured.</summary>
public sealed record BenchReport(
    DateTimeOffset When,
    string NginxVersion,
    int Cores,
    double MemoryGib,
    string Runtime,
    int TargetStreams,
    IReadOnlyList<TargetResult> Targets);
