using System.Globalization;

namespace RealtimeStack.Benchmark.Scale;

/// <summary>CPU time (user + system) that processes have used so far, from /proc/PID/stat, in microseconds.</summary>
public static class ProcessCpu
{
    private const double TicksPerSecond = 100; // USER_HZ, 100 on every Linux this runs on

    public static double Microseconds(IEnumerable<int> processIds) => processIds.Sum(pid => Read(pid, reapedChildren: false));

    /// <summary>
    /// The process's own time and that of its children it has waited for: an nginx master's includes the workers
    /// that exited after a reload, whose time would otherwise vanish from a sum over the live workers.
    /// </summary>
    public static double WithReapedChildren(int processId) => Read(processId, reapedChildren: true);

    private static double Read(int pid, bool reapedChildren)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // After the name: state is field 3, utime 14, stime 15, cutime 16, cstime 17 (1-based in proc(5)).
            var ticks = Field(fields, 14) + Field(fields, 15) + (reapedChildren ? Field(fields, 16) + Field(fields, 17) : 0);
            return ticks * 1_000_000 / TicksPerSecond;
        }
        catch (IOException) { return 0; } // a process that exited
    }

    private static long Field(string[] afterName, int number) => long.Parse(afterName[number - 3], CultureInfo.InvariantCulture);
}
