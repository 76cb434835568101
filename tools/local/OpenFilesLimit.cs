using System.Globalization;

namespace RealtimeStack.Local;

/// <summary>A process's RLIMIT_NOFILE as the kernel reports it in /proc/PID/limits (long.MaxValue for unlimited).</summary>
public sealed record OpenFilesLimit(long Soft, long Hard)
{
    private const string Row = "Max open files";

    public static OpenFilesLimit OfThisProcess() => Read("/proc/self/limits");

    public static OpenFilesLimit Of(int processId) => Read($"/proc/{processId.ToString(CultureInfo.InvariantCulture)}/limits");

    private static OpenFilesLimit Read(string path)
    {
        var line = File.ReadLines(path).Single(l => l.StartsWith(Row, StringComparison.Ordinal));
        // "Max open files            20000                20000                files"
        var values = line[Row.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return new OpenFilesLimit(Value(values[0]), Value(values[1]));
    }

    private static long Value(string text) => text == "unlimited" ? long.MaxValue : long.Parse(text, CultureInfo.InvariantCulture);

    public override string ToString() => $"soft {Text(Soft)}, hard {Text(Hard)}";

    private static string Text(long value) => value == long.MaxValue ? "unlimited" : value.ToString(CultureInfo.InvariantCulture);
}
