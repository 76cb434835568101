namespace RealtimeStack.Cli.Doctor;

/// <summary>The Server header of one answer the edge gave (null when it sent none).</summary>
/// <param name="Probe">Which request: "redirect" (answered by the edge itself), "api", "sse", "ws".</param>
public sealed record ServerHeaderObservation(string Probe, int Status, string? Server);
