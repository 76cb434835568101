namespace RealtimeStack.Cli.Doctor;

/// <summary>One plain-HTTP request and what came back; <see cref="SkippedBecause"/> when no http URL could be derived.</summary>
public sealed record RedirectObservation(Uri? Requested, Uri Expected, int? Status, string? Location, string? Error, string? SkippedBecause);
