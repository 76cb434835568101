using System.Net;
using System.Net.Sockets;

namespace RealtimeStack.Edge.Model;

/// <summary>A backend address nginx proxies to: a DNS name, an IPv4 address or a bracketed IPv6 address, and a port.</summary>
public sealed record Endpoint(string Host, int Port)
{
    /// <summary>The form nginx and URLs use: host:port, with brackets around IPv6.</summary>
    public override string ToString() => $"{Host}:{Port}";

    /// <summary>Whether the host is an address rather than a name: bracketed IPv6, or IPv4 as nginx reads it
    /// (exactly four decimal parts of at most 255; anything else, such as 1.2.3, nginx looks up as a name).</summary>
    public bool IsAddress => Host.StartsWith('[') || IsIpv4(Host);

    private static bool IsIpv4(string host)
    {
        var parts = host.Split('.');
        return parts.Length == 4 && parts.All(p => p.Length is > 0 and <= 3 && p.All(char.IsAsciiDigit) && int.Parse(p, System.Globalization.CultureInfo.InvariantCulture) <= 255);
    }

    public static Parsed<Endpoint> Parse(string key, string raw)
    {
        if (Token.Check(raw) is { } tokenRule) return Parsed<Endpoint>.Fail(key, tokenRule);
        var colon = raw.LastIndexOf(':');
        if (colon <= 0 || colon == raw.Length - 1)
            return Parsed<Endpoint>.Fail(key, $"'{raw}' must be host:port (for example api:9000 or 127.0.0.1:9000)");
        var host = raw[..colon];
        var port = Model.Port.Parse(key, raw[(colon + 1)..]);
        if (port.Error is { } portError) return Parsed<Endpoint>.Fail(key, $"'{raw}': {portError.Rule}");
        if (host.StartsWith('['))
        {
            if (!host.EndsWith(']') || !IPAddress.TryParse(host[1..^1], out var v6) || v6.AddressFamily != AddressFamily.InterNetworkV6)
                return Parsed<Endpoint>.Fail(key, $"'{raw}': a bracketed host must be an IPv6 address");
            return Parsed<Endpoint>.Success(new Endpoint("[" + v6 + "]", port.Value));
        }
        if (host.Contains(':'))
            return Parsed<Endpoint>.Fail(key, $"'{raw}': an IPv6 address must be written in brackets, [::1]:9000");
        var name = ServerName.Parse(key, host);
        if (name.Error is { } nameError) return Parsed<Endpoint>.Fail(key, $"host '{host}': {nameError.Rule}");
        if (name.Value!.IsWildcard) return Parsed<Endpoint>.Fail(key, $"host '{host}' must not be a wildcard");
        return Parsed<Endpoint>.Success(new Endpoint(name.Value.Value, port.Value));
    }
}
