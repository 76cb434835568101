namespace RealtimeStack.Cli.Doctor;

/// <summary>The backend instance each new connection reached (null where the backend did not say), or the first
/// attempt that failed.</summary>
public sealed record StickinessObservation(string Route, IReadOnlyList<string?> Instances, string? Error);
