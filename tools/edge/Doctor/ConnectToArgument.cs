using System.Net;

namespace RealtimeStack.Cli.Doctor;

/// <summary><c>--connect-to ADDRESS</c>: the IP address to connect to instead of resolving the URL's host.</summary>
public static class ConnectToArgument
{
    public static IPAddress? Parse(string? raw, List<string> problems)
    {
        if (raw is null) return null;
        if (IPAddress.TryParse(raw, out var address)) return address;
        problems.Add($"--connect-to '{raw}' must be an IP address");
        return null;
    }
}
