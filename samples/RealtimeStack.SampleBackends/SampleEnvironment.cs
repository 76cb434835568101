using System.Globalization;

namespace RealtimeStack.SampleBackends;

/// <summary>The sample backend process's settings from its environment, each refused with its name and rule.</summary>
internal static class SampleEnvironment
{
    /// <summary>The longest duration a millisecond setting takes: an hour.</summary>
    public const long MaxMilliseconds = 3_600_000;

    /// <summary>
    /// The variable <paramref name="name"/>'s value <paramref name="raw"/> as a whole number of milliseconds, 0 to an
    /// hour; <paramref name="fallback"/> when it is unset or empty. Anything else is written to
    /// <paramref name="errors"/>, naming the variable and the rule, and gives null.
    /// </summary>
    public static TimeSpan? Milliseconds(string name, string? raw, TimeSpan fallback, TextWriter errors)
    {
        if (string.IsNullOrEmpty(raw)) return fallback;
        if (long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) && ms <= MaxMilliseconds)
            return TimeSpan.FromMilliseconds(ms);
        errors.WriteLine($"{name}: must be a whole number of milliseconds from 0 to {MaxMilliseconds.ToString(CultureInfo.InvariantCulture)} (got '{raw}')");
        return null;
    }
}
