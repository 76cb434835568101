using System.Globalization;
using System.Text.RegularExpressions;

namespace RealtimeStack.Edge.Model;

/// <summary>A size in nginx syntax: a whole number of bytes with an optional k, m or g suffix.</summary>
public sealed partial record ByteSize(long Bytes)
{
    public static readonly long Max = 64L * 1024 * 1024 * 1024;

    public static ByteSize Kilobytes(long k) => new(k * 1024);

    public static ByteSize Megabytes(long m) => new(m * 1024 * 1024);

    /// <summary>
    /// nginx form, using the largest unit that divides the size exactly, up to m: nginx reads g only in offsets
    /// (client_max_body_size), while sizes (client_body_buffer_size, a shared zone's size) know only k and m, so a
    /// gigabyte is written 1024m, which every directive reads.
    /// </summary>
    public string ToNginx()
    {
        if (Bytes != 0 && Bytes % (1024L * 1024) == 0) return (Bytes / (1024L * 1024)).ToString(CultureInfo.InvariantCulture) + "m";
        if (Bytes != 0 && Bytes % 1024 == 0) return (Bytes / 1024).ToString(CultureInfo.InvariantCulture) + "k";
        return Bytes.ToString(CultureInfo.InvariantCulture);
    }

    public override string ToString() => ToNginx();

    public static Parsed<ByteSize> Parse(string key, string raw, long min = 0, long? max = null)
    {
        if (Token.Check(raw, 16) is { } rule) return Parsed<ByteSize>.Fail(key, $"must be a size like 512k, 10m or 1g ({rule})");
        var match = Pattern().Match(raw);
        if (!match.Success || !long.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
            return Parsed<ByteSize>.Fail(key, $"must be a size like 512k, 10m or 1g: a whole number and an optional k, m or g (got '{raw}')");
        var unit = match.Groups[2].Value.ToLowerInvariant() switch { "k" => 1024L, "m" => 1024L * 1024, "g" => 1024L * 1024 * 1024, _ => 1L };
        var upper = max ?? Max;
        if (amount > upper / unit) return Parsed<ByteSize>.Fail(key, $"must be at most {new ByteSize(upper).ToNginx()} (got '{raw}')");
        var bytes = amount * unit;
        if (bytes < min) return Parsed<ByteSize>.Fail(key, $"must be at least {new ByteSize(min).ToNginx()} (got '{raw}')");
        return Parsed<ByteSize>.Success(new ByteSize(bytes));
    }

    [GeneratedRegex("^([0-9]{1,12})([kmg])?$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
