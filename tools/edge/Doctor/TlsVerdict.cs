using System.Security.Cryptography.X509Certificates;

namespace RealtimeStack.Cli.Doctor;

/// <summary>The TLS checks' results, and whether the other HTTPS checks may go on: with <see cref="Accepted"/> pinned,
/// or not at all for <see cref="StopReason"/>.</summary>
public sealed record TlsVerdict(IReadOnlyList<CheckResult> Results, X509Certificate2? Accepted, string? StopReason);
