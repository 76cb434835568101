using System.Globalization;
using System.Net;
using System.Net.Sockets;
using RealtimeStack.Edge.Model;

namespace RealtimeStack.Edge.Nginx;

/// <summary>
/// The DNS servers nginx asks while running, to follow upstream server names to new addresses
/// (<c>server NAME resolve</c>, nginx 1.27.3 and later).
/// </summary>
public sealed record NginxResolver(IReadOnlyList<IPEndPoint> Addresses)
{
    /// <summary>Docker's embedded DNS, which every container on a user-defined network reaches at this address.</summary>
    public static NginxResolver Docker { get; } = new([new IPEndPoint(IPAddress.Parse("127.0.0.11"), DnsPort)]);

    public const int DnsPort = 53;

    /// <summary>
    /// How long nginx keeps an answer. Docker's DNS answers with a 600s TTL, far too long to follow a replaced
    /// container; 10s lets nginx reach the new container within seconds, and asking a DNS server on the same host
    /// that often costs next to nothing.
    /// </summary>
    public Duration Valid { get; init; } = Duration.Seconds(10);

    /// <summary>A local DNS server answers in milliseconds; one that has not answered in 5s is down, and nginx
    /// keeps the addresses it has until the next try.</summary>
    public Duration Timeout { get; init; } = Duration.Seconds(5);

    public static NginxResolver At(IPEndPoint address) => new([address]);

    /// <summary>The arguments of <c>resolver</c>: addresses (the port only when it is not 53), valid=, and ipv6=off
    /// because the backends are reached over IPv4 and an AAAA answer would add addresses they may not listen on.</summary>
    public IReadOnlyList<string> Arguments() =>
    [
        .. Addresses.Select(Format),
        "valid=" + Valid.ToNginx(),
        "ipv6=off",
    ];

    public bool Equals(NginxResolver? other) =>
        other is not null && Addresses.SequenceEqual(other.Addresses) && Valid == other.Valid && Timeout == other.Timeout;

    public override int GetHashCode() => HashCode.Combine(Addresses.Count, Valid, Timeout);

    private static string Format(IPEndPoint endpoint)
    {
        var host = endpoint.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{endpoint.Address}]" : endpoint.Address.ToString();
        return endpoint.Port == DnsPort ? host : host + ":" + endpoint.Port.ToString(CultureInfo.InvariantCulture);
    }
}
