using System.Net;

namespace RealtimeStack.Edge.Model;

/// <summary>An address range in CIDR form (10.0.0.0/8, 2001:db8::/32); a bare address is its own /32 or /128.</summary>
public sealed record IpRange(IPNetwork Network)
{
    /// <summary>The form nginx's set_real_ip_from and ingress-nginx's proxy-real-ip-cidr read.</summary>
    public override string ToString() => Network.ToString();


    public static Parsed<IpRange> Parse(string key, string raw)
    {
        if (Token.Check(raw, 64) is { } rule) return Parsed<IpRange>.Fail(key, rule);
        var text = raw.Contains('/') ? raw : IPAddress.TryParse(raw, out var single)
            ? $"{single}/{(single.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? 128 : 32)}"
            : raw;
        // IPNetwork refuses a range whose address has bits set past the prefix (10.0.0.1/8), which is a typo more
        // often than an intent, so it is reported rather than widened.
        return IPNetwork.TryParse(text, out var network) && IPAddress.TryParse(text[..text.IndexOf('/')], out var address) && address.Equals(network.BaseAddress)
            ? Parsed<IpRange>.Success(new IpRange(network))
            : Parsed<IpRange>.Fail(key, $"'{InputText.Shorten(raw)}' must be an address or a CIDR range such as 10.0.0.0/8 or 2001:db8::/32, with no bits set past the prefix");
    }
}
