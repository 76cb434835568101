using System.Globalization;
using System.Net;

namespace RealtimeStack.Benchmark.Scale;

/// <summary>
/// What one client process of the scale benchmark opens: <see cref="Streams"/> SSE streams of <see cref="Path"/>,
/// spread over <see cref="Targets"/> (the edge, or the backends directly), each from one of <see cref="Sources"/>
/// loopback addresses starting at <see cref="FirstSource"/> (so the edge sees many clients and no ephemeral-port
/// range runs out), <see cref="Concurrency"/> opening at a time. With <see cref="Reconnect"/> a stream that ends
/// comes back as EventSource does: after its <c>retry:</c> time, here with exponential backoff and full jitter.
/// <see cref="StreamsPerConnection"/> above 1 carries that many streams over each HTTP/2 connection (TLS only), as a
/// browser does with several tabs of one origin; 1 gives each stream its own HTTP/1.1 connection.
/// </summary>
public sealed record FleetOptions(
    IReadOnlyList<IPEndPoint> Targets, bool Tls, string Path, int Streams, IPAddress FirstSource, int Sources,
    int Concurrency, TimeSpan RampLimit, bool Reconnect, int StreamsPerConnection = 1)
{
    /// <summary>The name the edge serves: sent as SNI and Host.</summary>
    public const string ServerName = "localhost";

    public IPAddress Source(int index)
    {
        var bytes = FirstSource.GetAddressBytes();
        var value = ((uint)bytes[0] << 24 | (uint)bytes[1] << 16 | (uint)bytes[2] << 8 | bytes[3]) + (uint)(index % Sources);
        return new IPAddress([(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value]);
    }

    public IEnumerable<string> ToArgs() =>
    [
        "--role", "fleet",
        "--targets", string.Join(',', Targets.Select(t => t.ToString())),
        "--tls", Tls ? "1" : "0",
        "--path", Path,
        "--streams", Text(Streams),
        "--source", FirstSource.ToString(),
        "--sources", Text(Sources),
        "--concurrency", Text(Concurrency),
        "--ramp-seconds", Text((int)RampLimit.TotalSeconds),
        "--reconnect", Reconnect ? "1" : "0",
        "--per-connection", Text(StreamsPerConnection),
    ];

    public static FleetOptions Parse(IReadOnlyList<string> args)
    {
        var list = args.ToList();
        string Value(string name) => list[list.IndexOf(name) + 1];
        int Int(string name) => int.Parse(Value(name), CultureInfo.InvariantCulture);
        return new FleetOptions(
            [.. Value("--targets").Split(',').Select(IPEndPoint.Parse)], Value("--tls") == "1", Value("--path"), Int("--streams"),
            IPAddress.Parse(Value("--source")), Int("--sources"), Int("--concurrency"), TimeSpan.FromSeconds(Int("--ramp-seconds")), Value("--reconnect") == "1",
            Int("--per-connection"));
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
