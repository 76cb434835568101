namespace RealtimeStack.Edge.Model;

/// <summary>
/// The first gate for every raw value: it must be a short run of printable ASCII with no whitespace,
/// quotes or nginx syntax characters. Values that pass can never change the structure of nginx.conf.
/// </summary>
public static class Token
{
    public const int MaxLength = 253;

    private const string Forbidden = ";{}'\"`\\$#";

    /// <summary>Returns the rule the value breaks, or null when it is a safe token.</summary>
    public static string? Check(string raw, int maxLength = MaxLength)
    {
        if (raw.Length == 0) return "must not be empty";
        if (raw.Length > maxLength) return $"must be at most {maxLength} characters (got {raw.Length})";
        foreach (var c in raw)
        {
            if (c > 0x7e) return "must be ASCII (non-ASCII character found)";
            if (char.IsControl(c)) return "must not contain control characters";
            if (c == ' ') return "must not contain whitespace";
            if (Forbidden.Contains(c)) return $"must not contain '{c}'";
        }
        return null;
    }
}
