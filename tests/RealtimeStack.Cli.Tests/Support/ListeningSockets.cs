using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace RealtimeStack.Cli.Tests.Support;

/// <summary>
/// The TCP sockets listening in this network namespace, as the kernel reports them through <c>ss -ltn</c> (iproute2).
/// For a listening socket ss puts its backlog, the longest accept queue the kernel keeps for it, in the Send-Q column;
/// /proc/net/tcp does not show it.
/// </summary>
public static class ListeningSockets
{
    public const string InstallCommand = "apt-get install -y iproute2";

    /// <summary>One listening socket: its local address and port, and its backlog.</summary>
    public sealed record Socket(string Address, int Port, int Backlog);

    public static IReadOnlyList<Socket> Read()
    {
        var info = new ProcessStartInfo("ss") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-l", "-t", "-n" }) info.ArgumentList.Add(arg);
        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException("could not start ss");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"ss (iproute2) reads the listen backlogs from the kernel and was not found: '{InstallCommand}' (Debian/Ubuntu)", e);
        }
        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(TimeSpan.FromSeconds(10))) process.Kill();
            process.WaitForExit();
            if (process.ExitCode != 0) throw new InvalidOperationException($"ss -ltn exited with {process.ExitCode}: {stderr.Result}");
            return Parse(stdout);
        }
    }

    /// <summary>Lines of <c>ss -ltn</c>: State, Recv-Q, Send-Q, Local Address:Port, Peer Address:Port.</summary>
    public static IReadOnlyList<Socket> Parse(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields is ["LISTEN", ..] && fields.Length >= 4)
            .Select(fields =>
            {
                var local = fields[3];
                var colon = local.LastIndexOf(':');
                return new Socket(local[..colon], int.Parse(local[(colon + 1)..], CultureInfo.InvariantCulture), int.Parse(fields[2], CultureInfo.InvariantCulture));
            })
            .ToArray();
}
