using System.Diagnostics;

namespace RealtimeStack.Benchmark;

/// <summary>
/// Stopwatch ticks are CLOCK_MONOTONIC on Linux: one clock for every process on the machine, so a backend's write
/// time and a client's receipt time (in another process) can be subtracted.
/// </summary>
public static class MonotonicClock
{
    public static long Now => Stopwatch.GetTimestamp();

    public static double MicrosecondsSince(long ticks) => (Stopwatch.GetTimestamp() - ticks) * 1_000_000.0 / Stopwatch.Frequency;
}
