using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using RealtimeStack.Cli.Tests.Support;

namespace RealtimeStack.Cli.Tests.EndToEnd;

/// <summary>The test DNS server answers as a DNS client expects, over real UDP.</summary>
public sealed class TestDnsServerTests
{
    [Fact]
    public async Task Answers_A_for_known_names_NXDOMAIN_for_others_and_no_records_for_other_types()
    {
        using var dns = new TestDnsServer();
        dns.Set("api-1.test", IPAddress.Parse("127.0.0.2"));
        using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));

        var a = await AskAsync(udp, dns.Endpoint, 0x1234, "API-1.test", 1);
        Assert.Equal(0x1234, BinaryPrimitives.ReadUInt16BigEndian(a));
        var flags = BinaryPrimitives.ReadUInt16BigEndian(a.AsSpan(2));
        Assert.Equal(0x8000, flags & 0x8000); // QR
        Assert.Equal(0x0400, flags & 0x0400); // AA
        Assert.Equal(0x0100, flags & 0x0100); // RD copied
        Assert.Equal(0, flags & 0xF);
        Assert.Equal((1, 1), (BinaryPrimitives.ReadUInt16BigEndian(a.AsSpan(4)), BinaryPrimitives.ReadUInt16BigEndian(a.AsSpan(6))));
        Assert.Equal([127, 0, 0, 2], a[^4..]);
        Assert.Equal(TestDnsServer.TtlSeconds, BinaryPrimitives.ReadUInt32BigEndian(a.AsSpan(a.Length - 10)));

        var unknown = await AskAsync(udp, dns.Endpoint, 7, "api-9.test", 1);
        Assert.Equal(3, BinaryPrimitives.ReadUInt16BigEndian(unknown.AsSpan(2)) & 0xF);
        Assert.Equal(0, BinaryPrimitives.ReadUInt16BigEndian(unknown.AsSpan(6)));

        var aaaa = await AskAsync(udp, dns.Endpoint, 8, "api-1.test", 28);
        Assert.Equal(0, BinaryPrimitives.ReadUInt16BigEndian(aaaa.AsSpan(2)) & 0xF);
        Assert.Equal(0, BinaryPrimitives.ReadUInt16BigEndian(aaaa.AsSpan(6)));
        Assert.Equal(2, dns.QueriesFor("api-1.test"));
    }

    [Fact]
    public void Refuses_what_it_does_not_understand()
    {
        using var dns = new TestDnsServer();
        Assert.Null(dns.Answer(new byte[5]));
        var inverse = new byte[12];
        inverse[2] = 0x08; // opcode 1
        Assert.Equal(4, dns.Answer(inverse)![3] & 0xF);
        Assert.Equal(1, dns.Answer(new byte[12])![3] & 0xF); // no question
    }

    private static async Task<byte[]> AskAsync(UdpClient udp, IPEndPoint server, ushort id, string name, ushort type)
    {
        var query = new List<byte> { (byte)(id >> 8), (byte)id, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0 };
        foreach (var label in name.Split('.')) query.AddRange([(byte)label.Length, .. System.Text.Encoding.ASCII.GetBytes(label)]);
        query.AddRange([0, (byte)(type >> 8), (byte)type, 0, 1]);
        await udp.SendAsync(query.ToArray(), server);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        return (await udp.ReceiveAsync(timeout.Token)).Buffer;
    }
}
