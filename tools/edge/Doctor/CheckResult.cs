namespace RealtimeStack.Cli.Doctor;

/// <summary>
/// One check's verdict: what was measured, and for a failure the fix, for a skip the reason. Serialized as is by
/// <c>edge doctor --json</c>.
/// </summary>
public sealed record CheckResult(string Id, string Title, CheckStatus Status, string Measured, string? Reason, CheckFix? Fix);
