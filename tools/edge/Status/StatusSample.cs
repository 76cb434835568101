namespace RealtimeStack.Cli.Status;

/// <summary>A reading, when it was taken, and the rates since the previous one (null for the first).</summary>
public sealed record StatusSample(DateTimeOffset Time, StubStatus Status, StatusRates? Rates)
{
    public long Streams => StreamEstimate.Streams(Status);

    public static StatusSample Next(DateTimeOffset time, StubStatus status, StatusSample? previous)
    {
        if (previous is null) return new StatusSample(time, status, null);
        var seconds = (time - previous.Time).TotalSeconds;
        // A restarted nginx starts its totals again: no rate across that.
        if (seconds <= 0 || status.Accepted < previous.Status.Accepted || status.Requests < previous.Status.Requests)
            return new StatusSample(time, status, null);
        return new StatusSample(time, status, new StatusRates(
            seconds,
            (status.Accepted - previous.Status.Accepted) / seconds,
            (status.Requests - previous.Status.Requests) / seconds,
            (status.Accepted - status.Handled - (previous.Status.Accepted - previous.Status.Handled)) / seconds));
    }
}

/// <summary>Per second over <see cref="Seconds"/>: new connections, requests, and connections nginx dropped
/// (accepted but not handled: worker_connections exhausted).</summary>
public sealed record StatusRates(double Seconds, double AcceptedPerSecond, double RequestsPerSecond, double DroppedPerSecond);
