using RealtimeStack.Local;

namespace RealtimeStack.Benchmark;

/// <summary>
/// The child process that holds streams (so that its sockets do not count against the orchestrator's open-files
/// limit). It ramps to the counts (<see cref="HeldStreams"/>), reports JSON on stdout, then obeys stdin: "mark"
/// (remember now), "check" (count streams alive since the mark), anything else or EOF (close everything and exit).
/// </summary>
public static class StreamHolder
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var options = HoldOptions.Parse(args);
        using var handler = Clients.Handler();
        await using var streams = await HeldStreams.OpenAsync(handler, options.SseUrl, options.WsUrl, options.Sse, options.Ws, options.Concurrency, options.RampLimit);
        var report = new HoldReport(streams.Held, streams.Failed, streams.FirstFailure, streams.RampTime.TotalSeconds);
        BenchChild.Reply(report);

        long mark = MonotonicClock.Now;
        while (await Console.In.ReadLineAsync() is { } command)
        {
            if (command == "mark") mark = MonotonicClock.Now;
            else if (command == "check")
            {
                var aliveSse = streams.SseDeliveringSince(mark);
                var aliveWs = await streams.WsEchoingAsync();
                BenchChild.Reply(report with { AliveSse = aliveSse, AliveWs = aliveWs });
            }
            else break;
        }
        return 0;
    }
}
