namespace RealtimeStack.Cli.Doctor;

/// <summary>One event as the doctor received it: its id, the backend's clock when it wrote it (the sample backends
/// send <c>data: &lt;unix ms&gt;</c>), and when its data line arrived, counted from the request.</summary>
public sealed record SseEvent(long? Id, long WrittenUnixMs, TimeSpan ArrivedAfter);
