namespace RealtimeStack.Cli.Doctor;

/// <summary>A check the doctor knows: its stable id (used by scripts and tests), a title, what it means, and the fix
/// printed when it fails.</summary>
public sealed record CheckDefinition(string Id, string Title, string Meaning, CheckFix Fix)
{
    public CheckResult Pass(string measured) => new(Id, Title, CheckStatus.Pass, measured, null, null);

    public CheckResult Fail(string measured) => new(Id, Title, CheckStatus.Fail, measured, null, Fix);

    /// <summary>Not measured (or not judged), with why; <paramref name="measured"/> keeps whatever was seen.</summary>
    public CheckResult Skip(string reason, string measured = "") => new(Id, Title, CheckStatus.Skip, measured, reason, null);
}
