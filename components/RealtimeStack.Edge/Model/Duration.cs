using System.Globalization;
using System.Text.RegularExpressions;

namespace RealtimeStack.Edge.Model;

/// <summary>
/// A time in nginx syntax: a whole number with an optional unit (ms, s, m, h, d; no unit means seconds).
/// Rendered back canonically so that equal durations produce identical files.
/// </summary>
public sealed partial record Duration(TimeSpan Value)
{
    public static readonly TimeSpan Max = TimeSpan.FromDays(7);

    public static Duration Seconds(int seconds) => new(TimeSpan.FromSeconds(seconds));

    public int TotalSeconds => (int)Math.Ceiling(Value.TotalSeconds);

    /// <summary>nginx form: whole seconds as "Ns", anything finer as "Nms".</summary>
    public string ToNginx() =>
        Value.Ticks % TimeSpan.TicksPerSecond == 0
            ? ((long)Value.TotalSeconds).ToString(CultureInfo.InvariantCulture) + "s"
            : ((long)Value.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + "ms";

    public override string ToString() => ToNginx();

    public static Parsed<Duration> Parse(string key, string raw, TimeSpan? min = null, TimeSpan? max = null)
    {
        if (Token.Check(raw, 16) is { } rule) return Parsed<Duration>.Fail(key, $"must be a duration like 60s, 5m or 1h ({rule})");
        var match = Pattern().Match(raw);
        if (!match.Success || !long.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
            return Parsed<Duration>.Fail(key, $"must be a duration like 60s, 5m or 1h: a whole number and one of ms, s, m, h, d (got '{raw}')");
        var unit = match.Groups[2].Value.ToLowerInvariant();
        var upper = max ?? Max;
        var lower = min ?? TimeSpan.FromMilliseconds(1);
        // Compare in milliseconds before building a TimeSpan so absurd numbers cannot overflow.
        var unitMs = unit switch { "ms" => 1L, "" or "s" => 1000L, "m" => 60_000L, "h" => 3_600_000L, _ => 86_400_000L };
        if (amount > (long)upper.TotalMilliseconds / unitMs)
            return Parsed<Duration>.Fail(key, $"must be at most {new Duration(upper).ToNginx()} (got '{raw}')");
        var value = TimeSpan.FromMilliseconds(amount * unitMs);
        if (value < lower) return Parsed<Duration>.Fail(key, $"must be at least {new Duration(lower).ToNginx()} (got '{raw}')");
        return Parsed<Duration>.Success(new Duration(value));
    }

    [GeneratedRegex("^([0-9]{1,12})(ms|s|m|h|d)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
