namespace RealtimeStack.Edge.Model;

/// <summary>
/// How many concurrent streams the edge must hold and how long a reload lets old workers keep them.
/// The nginx numbers are derived, not configured: see <see cref="WorkerConnections"/> and <see cref="ListenBacklog"/>.
/// </summary>
public sealed record CapacitySpec(int MaxStreams, int? WorkerProcesses, Duration WorkerShutdownTimeout)
{
    /// <summary>Connections a worker keeps for everything that is not a stream: API calls, keepalive, TLS handshakes.</summary>
    public const int Reserve = 1024;

    /// <summary>Open files a worker needs beyond its connections: logs, temp files, certificates.</summary>
    public const int FileReserve = 1024;

    /// <summary>The longest <see cref="WorkerShutdownTimeout"/> accepted.</summary>
    public static readonly TimeSpan MaxWorkerShutdownTimeout = TimeSpan.FromDays(1);

    /// <summary>Seconds an nginx (a container's or a controller pod's) gets beyond its drain before it is killed.</summary>
    public const int GraceMargin = 30;

    /// <summary>Headroom over an even share when the worker count is known: reuseport hashing is close to even, not exact.</summary>
    public const double ShareMargin = 1.25;

    /// <summary>
    /// Each proxied stream costs two connections (client and upstream). The listeners use reuseport, so the kernel
    /// spreads connections across workers: with a known worker count each worker is sized for its share plus
    /// <see cref="ShareMargin"/>; with <c>auto</c> the count is unknown and each worker is sized for every stream.
    /// </summary>
    public int WorkerConnections => StreamConnectionsPerWorker + Reserve;

    /// <summary>The stream connections one worker must be able to hold (2 per stream, its share of them).</summary>
    public int StreamConnectionsPerWorker => WorkerProcesses is int workers
        ? (int)Math.Ceiling(2.0 * MaxStreams * ShareMargin / workers)
        : 2 * MaxStreams;

    /// <summary>The per-process open-files limit nginx requests; the container's nofile limit must allow it.</summary>
    public int WorkerRlimitNofile => WorkerConnections + FileReserve;

    /// <summary>The smallest listen backlog: nginx's own default on Linux, which a small edge keeps.</summary>
    public const int MinListenBacklog = 511;

    /// <summary>The largest listen backlog: the largest net.core.somaxconn older kernels accept (it was a 16-bit value).</summary>
    public const int MaxListenBacklog = 65535;

    /// <summary>
    /// The queue of connections the kernel holds for each listener until nginx accepts them. After a deploy, a reload's
    /// shutdown timeout or a lost node every stream reconnects at once; a full queue drops their SYNs and each client
    /// waits for a retransmit (1 s, 3 s, 7 s...), so the queue holds every stream, within
    /// <see cref="MinListenBacklog"/>..<see cref="MaxListenBacklog"/>. The kernel caps it at net.core.somaxconn.
    /// </summary>
    public int ListenBacklog => Math.Clamp(MaxStreams, MinListenBacklog, MaxListenBacklog);
}
