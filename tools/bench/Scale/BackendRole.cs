using System.Diagnostics;
using System.Globalization;

namespace RealtimeStack.Benchmark.Scale;

/// <summary>
/// <c>--role backend</c>: one <see cref="BenchBackend"/> in its own process (its streams count against its own
/// open-files limit). Prints <c>{"Port":…}</c>, then obeys stdin: <c>at TICKS</c> (broadcast at that moment of the
/// monotonic clock, then print the <see cref="FanoutRound"/>), <c>count</c> (print the streams held), anything else
/// or EOF (stop).
/// </summary>
public static class BackendRole
{
    public static async Task<int> RunAsync()
    {
        await using var backend = await BenchBackend.StartAsync();
        BenchChild.Reply(new BackendPort(backend.Port));
        while (await Console.In.ReadLineAsync() is { } command)
        {
            var parts = command.Split(' ');
            if (parts is ["at", var ticks])
            {
                var moment = long.Parse(ticks, CultureInfo.InvariantCulture);
                await UntilAsync(moment);
                BenchChild.Reply(await backend.Fanout.SendAsync(moment));
            }
            else if (parts is ["count"]) BenchChild.Reply(new BackendStreams(backend.Fanout.Count));
            else break;
        }
        return 0;
    }

    /// <summary>Sleeps to 2 ms before <paramref name="moment"/>, then spins: every backend starts its round within microseconds of the others.</summary>
    private static async Task UntilAsync(long moment)
    {
        var early = moment - (2 * Stopwatch.Frequency / 1000) - MonotonicClock.Now;
        if (early > 0) await Task.Delay(TimeSpan.FromSeconds((double)early / Stopwatch.Frequency));
        while (MonotonicClock.Now < moment) Thread.SpinWait(20);
    }
}
