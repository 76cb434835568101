using RealtimeStack.Cli.LocalEdges;
using RealtimeStack.Local;

namespace RealtimeStack.Cli.Tests.Support;

/// <summary>
/// Real edges with small client limits, so a test reaches them with a handful of requests: 3 streams per client,
/// 6 API requests a minute with a burst of 5, and a 2 s header timeout. One per installed nginx
/// (<see cref="EdgesPerNginx{T}"/>); unknown hosts are refused (the default).
/// </summary>
public sealed class ClientLimitsFixture : IAsyncLifetime
{
    public const int StreamsPerClient = 3;
    public const int ApiBurst = 5;
    public const string ApiRate = "6r/m";
    public static readonly TimeSpan HeaderTimeout = TimeSpan.FromSeconds(2);

    private readonly EdgesPerNginx<LocalEdge> _edges = new(StartAsync);

    public Task<LocalEdge> For(string nginx) => _edges.For(nginx);

    private static Task<LocalEdge> StartAsync(NginxBinary binary) => LocalEdge.StartAsync(
        Stacks.Minimal(
            ("maxStreams", LocalEdgeFixture.MaxStreams),
            ("streamsPerClient", StreamsPerClient.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("apiRate", ApiRate),
            ("apiBurst", ApiBurst.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("clientHeaderTimeout", $"{(int)HeaderTimeout.TotalSeconds}s")),
        binary);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _edges.DisposeAsync().AsTask();
}
