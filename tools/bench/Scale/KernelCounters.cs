using System.Globalization;

namespace RealtimeStack.Benchmark.Scale;

/// <summary>
/// The kernel's TCP counters that tell an overloaded listener (/proc/net/netstat, TcpExt): ListenOverflows (a
/// handshake completed while the accept queue was full), ListenDrops (SYNs and ACKs dropped at the listener for any
/// reason), TCPReqQFullDrop (SYN queue full, no syncookies), TCPAbortOnData (a socket closed with unread data: the
/// peer gets an RST), TCPAbortOnClose and TCPTimeouts. Counted for the whole network namespace.
/// </summary>
public sealed record KernelCounters(IReadOnlyDictionary<string, long> Values)
{
    public static readonly IReadOnlyList<string> Names = ["ListenOverflows", "ListenDrops", "TCPReqQFullDrop", "TCPAbortOnData", "TCPAbortOnClose", "TCPTimeouts"];

    public static KernelCounters Read()
    {
        var lines = File.ReadAllLines("/proc/net/netstat");
        var values = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < lines.Length; i += 2)
        {
            if (!lines[i].StartsWith("TcpExt:", StringComparison.Ordinal)) continue;
            var names = lines[i].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var numbers = lines[i + 1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var j = 1; j < names.Length && j < numbers.Length; j++)
                if (Names.Contains(names[j])) values[names[j]] = long.Parse(numbers[j], CultureInfo.InvariantCulture);
        }
        return new KernelCounters(values);
    }

    public static KernelCounters operator -(KernelCounters after, KernelCounters before) =>
        new(after.Values.ToDictionary(v => v.Key, v => v.Value - before.Values.GetValueOrDefault(v.Key), StringComparer.Ordinal));

    public override string ToString() => string.Join(", ", Names.Select(n => $"{n} {Values.GetValueOrDefault(n).ToString(CultureInfo.InvariantCulture)}"));
}
