namespace RealtimeStack.Edge.Model;

/// <summary>
/// How many concurrent streams the edge must hold and how long a reload lets old workers keep them.
/// The nginx numbers are derived, not configured: see <see cref="WorkerConnections"/>.
/// </summary>
public sealed record CapacitySpec(int MaxStreams, int? WorkerProcesses, Duration WorkerShutdownTimeout)
{
    /// <summary>Connections a worker keeps for everything that is not a stream: API calls, keepalive, TLS handshakes.</summary>
    public const int Reserve = 1024;

    /// <summary>Open files a worker needs beyond its connections: logs, temp files, certificates.</summary>
    public const int FileReserve = 1024;

    /// <summary>
    /// Each proxied stream costs two connections (client and upstream), and a single worker may end up holding
    /// every stream (accept distribution is not even), so each worker is sized for all of them.
    /// </summary>
    public int WorkerConnections => 2 * MaxStreams + Reserve;

    /// <summary>The per-process open-files limit nginx requests; the container's nofile limit must allow it.</summary>
    public int WorkerRlimitNofile => WorkerConnections + FileReserve;
}
