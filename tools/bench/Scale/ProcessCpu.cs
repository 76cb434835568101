using System.Globalization;

namespace RealtimeStack.Benchmark.Scale;

/// <summary>CPU time (user + system) that processes have used so far, from /proc/PID/stat, in microseconds.</summary>
public static class ProcessCpu
{
    private const double TicksPerSecond = 100; // USER_HZ, 100 on every Linux this runs on

    public static double Microseconds(IEnumerable<int> processIds) => processIds.Sum(pid =>
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // After the name: state is field 3, utime field 14, stime field 15 (1-based in proc(5)).
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * 1_000_000 / TicksPerSecond;
        }
        catch (IOException) { return 0; } // a worker that exited
    });
}
