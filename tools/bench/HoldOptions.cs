using System.Globalization;

namespace RealtimeStack.Benchmark;

/// <summary>What a stream-holding child process opens: counts, where, how fast, for how long at most.</summary>
public sealed record HoldOptions(Uri? SseUrl, Uri? WsUrl, int Sse, int Ws, int Concurrency, TimeSpan RampLimit)
{
    public IEnumerable<string> ToArgs() =>
    [
        "--role", "hold",
        "--sse-url", SseUrl?.ToString() ?? "-", "--ws-url", WsUrl?.ToString() ?? "-",
        "--sse", Sse.ToString(CultureInfo.InvariantCulture), "--ws", Ws.ToString(CultureInfo.InvariantCulture),
        "--concurrency", Concurrency.ToString(CultureInfo.InvariantCulture),
        "--seconds", ((int)RampLimit.TotalSeconds).ToString(CultureInfo.InvariantCulture),
    ];

    public static HoldOptions Parse(IReadOnlyList<string> args)
    {
        string Value(string name) => args[args.ToList().IndexOf(name) + 1];
        Uri? Url(string name) => Value(name) == "-" ? null : new Uri(Value(name));
        int Int(string name) => int.Parse(Value(name), CultureInfo.InvariantCulture);
        return new HoldOptions(Url("--sse-url"), Url("--ws-url"), Int("--sse"), Int("--ws"), Int("--concurrency"), TimeSpan.FromSeconds(Int("--seconds")));
    }
}
