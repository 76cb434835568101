using RealtimeStack.Edge.Configuration;
using RealtimeStack.Edge.Model;

namespace RealtimeStack.Benchmark.Scale;

/// <summary>
/// How a scale run splits its streams: client processes and backend processes (each holding at most
/// <see cref="StreamsPerProcess"/>, well under the per-process open-files limit), and the nginx worker count: the
/// fewest (at least one per core) whose per-worker sizing, <see cref="CapacitySpec.WorkerRlimitNofile"/>, fits the
/// open-files limit nginx may raise itself to.
/// </summary>
public sealed record ScaleSetup(int Streams, int Clients, int Backends, int Workers, long OpenFilesLimit)
{
    public const int StreamsPerProcess = 10_000;

    public static ScaleSetup For(int streams, int? clients = null, int? backends = null, int? workers = null)
    {
        var perProcess = (int)Math.Ceiling(streams / (double)StreamsPerProcess);
        // nginx, started from here, cannot raise its workers above this process's hard limit.
        var limit = Local.OpenFilesLimit.OfThisProcess().Hard;
        return new ScaleSetup(streams, clients ?? perProcess, backends ?? perProcess, workers ?? WorkersFor(streams, limit), limit);
    }

    /// <summary>The fewest workers, at least one per core, each sized for its share within <paramref name="limit"/> open files.</summary>
    public static int WorkersFor(int streams, long limit)
    {
        for (var workers = Environment.ProcessorCount; workers < 1024; workers++)
            if (new CapacitySpec(streams, workers, Duration.Seconds(600)).WorkerRlimitNofile <= limit) return workers;
        throw new InvalidOperationException($"{streams} streams do not fit 1,024 workers of {limit} open files each");
    }

}
