using System.Globalization;

namespace RealtimeStack.Cli.Doctor;

/// <summary>A time option (<c>--duration S</c>, <c>--watch S</c>): seconds, fractions allowed, from 0.1 to 3600.</summary>
public static class DurationArgument
{
    public static TimeSpan? Parse(string? raw, List<string> problems, string option = "--duration")
    {
        if (raw is null) return null;
        if (double.TryParse(raw, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0.1 && seconds <= 3600)
            return TimeSpan.FromSeconds(seconds);
        problems.Add($"{option} '{raw}' must be a number of seconds from 0.1 to 3600");
        return null;
    }
}
