namespace RealtimeStack.Edge.Model;

/// <summary>
/// nginx's own counters (stub_status: active, reading, writing, waiting connections; accepted, handled, requests)
/// on a listener of their own, never on the public ones: in a container it is reached on the container network by a
/// metrics exporter and is not published; locally it listens on 127.0.0.1.
/// </summary>
public sealed record MetricsSpec(bool Enabled, int StatusPort)
{
    /// <summary>The path the status answers on.</summary>
    public const string StatusPath = "/stub_status";
}
