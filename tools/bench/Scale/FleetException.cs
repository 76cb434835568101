namespace RealtimeStack.Benchmark.Scale;

/// <summary>A stream that could not be opened: <see cref="Exception.Message"/> is its kind ("tls: ConnectionReset", "http 503").</summary>
public sealed class FleetException(string kind, bool givesUp = false) : Exception(kind)
{
    /// <summary>An HTTP error answer: EventSource closes for good on one, so the client gives up.</summary>
    public bool GivesUp { get; } = givesUp;
}
