namespace RealtimeStack.Cli.Doctor;

/// <summary>The outcome of one doctor check. A skip is not a failure: it says why the check could not be measured.</summary>
public enum CheckStatus
{
    Pass,
    Fail,
    Skip,
}
