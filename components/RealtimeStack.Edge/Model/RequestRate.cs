using System.Globalization;
using System.Text.RegularExpressions;

namespace RealtimeStack.Edge.Model;

/// <summary>A request rate as nginx's limit_req_zone spells it: requests per second (50r/s) or per minute (600r/m).</summary>
public sealed partial record RequestRate(int Requests, bool PerMinute)
{
    public override string ToString() => $"{Requests.ToString(CultureInfo.InvariantCulture)}r/{(PerMinute ? "m" : "s")}";

    /// <summary>"0" (no limit) parses to null.</summary>
    public static Parsed<RequestRate?> ParseOptional(string key, string raw)
    {
        if (raw == "0") return Parsed<RequestRate?>.Success(null);
        var match = Pattern().Match(raw);
        if (!match.Success || !int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var requests) || requests is < 1 or > 1_000_000)
            return Parsed<RequestRate?>.Fail(key, $"must be 0 (no limit) or a rate such as 50r/s or 600r/m, 1 to 1000000 requests (got '{InputText.Shorten(raw)}')");
        return Parsed<RequestRate?>.Success(new RequestRate(requests, match.Groups[2].Value == "m"));
    }

    [GeneratedRegex("^([0-9]{1,7})r/([sm])$")]
    private static partial Regex Pattern();
}
