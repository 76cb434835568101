using System.Diagnostics;
using System.Text.RegularExpressions;
using RealtimeStack.Edge.Model;

namespace RealtimeStack.Edge.Local;

/// <summary>The nginx executable on this host: where it is, its version, and <c>nginx -t</c>.</summary>
public sealed partial record NginxBinary(string Path, NginxVersion Version)
{
    public static NginxBinary Locate() => Locate(DefaultCandidates());

    /// <summary>The first existing file of <paramref name="candidates"/>, or <see cref="NginxNotFoundException"/>.</summary>
    public static NginxBinary Locate(IEnumerable<string> candidates)
    {
        var path = candidates.FirstOrDefault(File.Exists) ?? throw new NginxNotFoundException();
        var output = Run(path, ["-v"], TimeSpan.FromSeconds(10)).Output;
        var match = VersionPattern().Match(output);
        if (!match.Success) throw new InvalidOperationException($"could not read the version of {path}: {output}");
        return new NginxBinary(path, NginxVersion.Parse("nginx -v", match.Groups[1].Value).ValueOrThrow());
    }

    private static List<string> DefaultCandidates()
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("REALTIME_NGINX") is { Length: > 0 } configured) candidates.Add(configured);
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator))
            if (dir.Length > 0) candidates.Add(System.IO.Path.Combine(dir, "nginx"));
        candidates.Add("/usr/sbin/nginx");
        candidates.Add("/usr/local/sbin/nginx");
        return candidates;
    }

    /// <summary>Runs <c>nginx -t</c> on a configuration directory laid out by <see cref="EdgeFiles"/>.</summary>
    public (bool Ok, string Output) Test(string directory)
    {
        PrepareDirectory(directory);
        var (exitCode, output) = Run(Path, ["-t", .. Arguments(directory)], TimeSpan.FromSeconds(30));
        return (exitCode == 0, output);
    }

    /// <summary>nginx creates temp subdirectories and log files, but not their parents.</summary>
    public static void PrepareDirectory(string directory)
    {
        Directory.CreateDirectory(System.IO.Path.Combine(directory, "logs"));
        Directory.CreateDirectory(System.IO.Path.Combine(directory, "temp"));
    }

    /// <summary>The arguments that point nginx at a private directory: prefix, config file, pid file.</summary>
    public static string[] Arguments(string directory) =>
        ["-p", directory + "/", "-c", System.IO.Path.Combine(directory, "nginx.conf"), "-g", $"pid {System.IO.Path.Combine(directory, "nginx.pid")};"];

    internal static (int ExitCode, string Output) Run(string file, IEnumerable<string> args, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {file}");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish within {timeout.TotalSeconds}s");
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    [GeneratedRegex(@"nginx/([0-9]+\.[0-9]+\.[0-9]+)")]
    private static partial Regex VersionPattern();
}
