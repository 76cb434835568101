namespace RealtimeStack.Cli.Doctor;

/// <summary>
/// Checks the caller knows do not apply, each with the reason printed as the skip. <c>edge doctor</c> expects
/// everything; <c>edge check</c> derives these from the stack (a stack that turns HTTP/2 off is not failed for it).
/// </summary>
public sealed record DoctorExpectations(string? NoRedirectBecause = null, string? NoHttp2Because = null, string? NoStickinessBecause = null)
{
    public static DoctorExpectations Everything { get; } = new();
}
