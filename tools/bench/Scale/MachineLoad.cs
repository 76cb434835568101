using System.Globalization;

namespace RealtimeStack.Benchmark.Scale;

/// <summary>
/// How busy the whole machine was over a phase: the share of all cores' time not idle (from /proc/stat, so the
/// bench's own clients and backends count too) and the 1-minute load average at its end.
/// </summary>
public sealed record MachineLoad(double BusyPercent, double LoadAverage)
{
    public static Func<MachineLoad> Start()
    {
        var (busy, total) = Ticks();
        return () =>
        {
            var (busyNow, totalNow) = Ticks();
            var share = totalNow > total ? 100.0 * (busyNow - busy) / (totalNow - total) : 0;
            var load = double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);
            return new MachineLoad(Math.Round(share, 1), load);
        };
    }

    // The "cpu" line: user nice system idle iowait irq softirq steal; idle and iowait are not busy.
    private static (long Busy, long Total) Ticks()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var total = fields.Sum();
        return (total - fields[3] - fields[4], total);
    }

    public override string ToString() => $"{BusyPercent.ToString("0.#", CultureInfo.InvariantCulture)} % of {Environment.ProcessorCount} cores busy, load {LoadAverage.ToString("0.00", CultureInfo.InvariantCulture)}";
}
