using System.Globalization;

namespace RealtimeStack.Edge.Model;

/// <summary>A TCP port number, 1 to 65535.</summary>
public static class Port
{
    public static Parsed<int> Parse(string key, string raw)
    {
        if (Token.Check(raw, 5) is { } rule) return Parsed<int>.Fail(key, $"must be a port number 1-65535 ({rule})");
        if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
            return Parsed<int>.Fail(key, $"must be a port number 1-65535 (got '{raw}')");
        return Parsed<int>.Success(port);
    }
}
