using System.Text.RegularExpressions;

namespace RealtimeStack.Benchmark;

/// <summary>
/// What nginx itself said in its error log, one entry a line: the level and the message without the time and
/// process prefix (<c>2026/12/08 03:21:00 [alert] 123#123: *5 message</c>).
/// </summary>
public sealed partial record NginxErrorLog(string Level, string Message)
{
    public static IEnumerable<NginxErrorLog> Read(string log) =>
        log.Split('\n').Select(l => Line().Match(l)).Where(m => m.Success).Select(m => new NginxErrorLog(m.Groups[1].Value, m.Groups[2].Value.Trim()));

    /// <summary>nginx's own refusals and failures: what it logs at alert, crit and emerg.</summary>
    public bool IsFailure => Level is "alert" or "crit" or "emerg";

    /// <summary>
    /// The failures and the errors nginx logs per connection (an upstream that refused, a client that reset), alike
    /// ones (differing only in numbers) counted once, most frequent first.
    /// </summary>
    public static IReadOnlyList<string> Summary(string log, int most) =>
        [.. Read(log).Where(l => l.IsFailure || l.Level == "error").Select(l => l.Message).GroupBy(m => Digits().Replace(m, "N"))
            .OrderByDescending(g => g.Count()).Select(g => $"{g.Count()} × {g.First()}").Take(most)];

    [GeneratedRegex(@"^\S+ \S+ \[(\w+)\] [^:]*: (.*)$")]
    private static partial Regex Line();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();
}
