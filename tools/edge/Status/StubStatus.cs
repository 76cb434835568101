using System.Globalization;
using System.Text.RegularExpressions;

namespace RealtimeStack.Cli.Status;

/// <summary>
/// One reading of nginx's stub_status: connections open now (active = reading + writing + waiting) and the totals
/// since nginx started (accepted and handled connections, requests).
/// </summary>
public sealed partial record StubStatus(long Active, long Accepted, long Handled, long Requests, long Reading, long Writing, long Waiting)
{
    /// <summary>Parses the module's text; null with <paramref name="problem"/> when it is not that text.</summary>
    public static StubStatus? Parse(string text, out string? problem)
    {
        var match = Format().Match(text);
        if (!match.Success)
        {
            problem = "the answer is not nginx's stub_status text (Active connections: …, server accepts handled requests, Reading: … Writing: … Waiting: …)";
            return null;
        }
        long N(string group) => long.Parse(match.Groups[group].Value, NumberStyles.None, CultureInfo.InvariantCulture);
        problem = null;
        return new StubStatus(N("active"), N("accepts"), N("handled"), N("requests"), N("reading"), N("writing"), N("waiting"));
    }

    [GeneratedRegex(@"\AActive connections:\s*(?<active>\d{1,18})\s*\nserver accepts handled requests\s*\n\s*(?<accepts>\d{1,18})\s+(?<handled>\d{1,18})\s+(?<requests>\d{1,18})\s*\nReading:\s*(?<reading>\d{1,18})\s+Writing:\s*(?<writing>\d{1,18})\s+Waiting:\s*(?<waiting>\d{1,18})\s*\z")]
    private static partial Regex Format();
}
