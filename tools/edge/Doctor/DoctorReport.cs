namespace RealtimeStack.Cli.Doctor;

/// <summary>Everything one doctor run found, in <see cref="DoctorChecks.All"/> order, and which edge it found it on.</summary>
public sealed record DoctorReport(string Url, EdgeIdentity Edge, IReadOnlyList<CheckResult> Checks)
{
    public int Passed => Checks.Count(c => c.Status == CheckStatus.Pass);

    public int Failed => Checks.Count(c => c.Status == CheckStatus.Fail);

    public int Skipped => Checks.Count(c => c.Status == CheckStatus.Skip);

    /// <summary>No check failed (skips do not count against it).</summary>
    public bool Healthy => Failed == 0;
}
