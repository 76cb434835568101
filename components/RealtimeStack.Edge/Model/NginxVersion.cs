using System.Globalization;
using System.Text.RegularExpressions;

namespace RealtimeStack.Edge.Model;

/// <summary>The nginx version the configuration is rendered for; directives differ across versions.</summary>
public sealed partial record NginxVersion(int Major, int Minor, int Patch) : IComparable<NginxVersion>
{
    /// <summary>From 1.25.1 <c>listen ... http2</c> is deprecated in favour of <c>http2 on;</c>.</summary>
    public static readonly NginxVersion Http2Directive = new(1, 25, 1);

    /// <summary>From 1.27.3 open-source nginx re-resolves upstream server names while running (<c>server NAME resolve</c>).</summary>
    public static readonly NginxVersion UpstreamResolve = new(1, 27, 3);

    /// <summary>The oldest version whose directives the renderer knows (Debian 12 ships 1.22.1).</summary>
    public static readonly NginxVersion Oldest = new(1, 18, 0);

    public bool HasHttp2Directive => CompareTo(Http2Directive) >= 0;

    public bool HasUpstreamResolve => CompareTo(UpstreamResolve) >= 0;

    public int CompareTo(NginxVersion? other) =>
        other is null ? 1 : (Major, Minor, Patch).CompareTo((other.Major, other.Minor, other.Patch));

    public static bool operator <(NginxVersion left, NginxVersion right) => left.CompareTo(right) < 0;
    public static bool operator <=(NginxVersion left, NginxVersion right) => left.CompareTo(right) <= 0;
    public static bool operator >(NginxVersion left, NginxVersion right) => left.CompareTo(right) > 0;
    public static bool operator >=(NginxVersion left, NginxVersion right) => left.CompareTo(right) >= 0;

    public override string ToString() => $"{Major}.{Minor}.{Patch}";

    public static Parsed<NginxVersion> Parse(string key, string raw)
    {
        if (Token.Check(raw, 32) is { } rule) return Parsed<NginxVersion>.Fail(key, $"must be a version like 1.28.0 ({rule})");
        var match = Pattern().Match(raw);
        if (!match.Success) return Parsed<NginxVersion>.Fail(key, $"must be a version like 1.28.0 (got '{raw}')");
        var version = new NginxVersion(
            int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture));
        if (version.CompareTo(Oldest) < 0) return Parsed<NginxVersion>.Fail(key, $"must be {Oldest} or newer (got '{raw}')");
        return Parsed<NginxVersion>.Success(version);
    }

    [GeneratedRegex("^([0-9]{1,3})\\.([0-9]{1,3})\\.([0-9]{1,3})$")]
    private static partial Regex Pattern();
}
