using System.Net;
using RealtimeStack.Cli.LocalEdges;
using RealtimeStack.Cli.Tests.Support;

namespace RealtimeStack.Cli.Tests.EndToEnd;

/// <summary>
/// The stream routes' small proxy buffer (streamBufferSize, 1k by default) on every installed nginx: it is really
/// what nginx uses (a stream backend's header over it gets 502 and nginx says why), ordinary stream headers fit it,
/// and raising the setting is the remedy. SSE pacing and WebSocket echo through it are proven in EdgeThroughNginxTests.
/// </summary>
public sealed class StreamBufferTests(LocalEdgeFixture fixture) : IClassFixture<LocalEdgeFixture>
{
    public static TheoryData<string> Nginx => InstalledNginx.Names;

    [Theory]
    [MemberData(nameof(Nginx))]
    public async Task A_stream_header_over_the_buffer_gets_502_until_the_buffer_is_raised(string nginx)
    {
        var running = await fixture.For(nginx);
        // The sample backend's own headers (including the ones reporting what it saw) plus 300 bytes fit in 1k.
        Assert.Equal((HttpStatusCode.OK, 300), await GetAsync(running.Client, 300));
        Assert.Equal((HttpStatusCode.BadGateway, 0), await GetAsync(running.Client, 2000));
        Assert.Contains("upstream sent too big header", running.Edge.Nginx.ErrorLog, StringComparison.Ordinal);

        await using var raised = await LocalEdge.StartAsync(
            Stacks.Minimal(("maxStreams", LocalEdgeFixture.MaxStreams), ("streamBufferSize", "4k")), InstalledNginx.Get(nginx));
        using var client = new EdgeClient(raised, LocalEdgeFixture.Host);
        Assert.Equal((HttpStatusCode.OK, 2000), await GetAsync(client, 2000));
    }

    /// <summary>The status of an SSE request whose response carries a padding header, and the padding that arrived.</summary>
    private static async Task<(HttpStatusCode, int)> GetAsync(EdgeClient client, int headerPad)
    {
        using var http = client.HttpClient();
        using var within = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        using var response = await http.GetAsync(client.Https($"/sse/pad?count=1&interval=10&headerPad={headerPad}"), HttpCompletionOption.ResponseHeadersRead, within.Token);
        var padding = response.Headers.TryGetValues("X-Padding", out var values) ? values.Single().Length : 0;
        return (response.StatusCode, padding);
    }
}
