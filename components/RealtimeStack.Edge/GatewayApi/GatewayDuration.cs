using RealtimeStack.Edge.Model;

namespace RealtimeStack.Edge.GatewayApi;

/// <summary>
/// A duration as Gateway API and Envoy Gateway spell it: up to four parts of at most five digits with h, m, s or ms
/// (pattern <c>^([0-9]{1,5}(h|m|s|ms)){1,4}$</c>), e.g. <c>1h</c>, <c>90s</c> → <c>1m30s</c>, <c>1500ms</c> → <c>1s500ms</c>.
/// </summary>
public static class GatewayDuration
{
    public const string Zero = "0s";

    public static string Of(Duration duration) => Of(duration.Value);

    public static string Of(TimeSpan value)
    {
        var total = (long)Math.Ceiling(value.TotalMilliseconds);
        if (total <= 0) return Zero;
        var parts = new (long Amount, string Unit)[]
        {
            (total / 3_600_000, "h"),
            (total / 60_000 % 60, "m"),
            (total / 1000 % 60, "s"),
            (total % 1000, "ms"),
        };
        return string.Concat(parts.Where(p => p.Amount > 0).Select(p => $"{p.Amount}{p.Unit}"));
    }
}
