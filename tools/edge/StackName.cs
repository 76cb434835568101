using System.Text.RegularExpressions;

namespace RealtimeStack.Cli;

/// <summary>Pulumi stack names: they become part of a file name, so only a safe alphabet is accepted.</summary>
public static partial class StackName
{
    public static bool IsValid(string name) => Pattern().IsMatch(name);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$")]
    private static partial Regex Pattern();
}
