using System.Diagnostics;
using System.Text.RegularExpressions;
using RealtimeStack.Edge.Model;

namespace RealtimeStack.Local;

/// <summary>The nginx executable on this host: where it is, its version, and <c>nginx -t</c>.</summary>
public sealed partial record NginxBinary(string Path, NginxVersion Version)
{
    public static NginxBinary Locate() => Locate(DefaultCandidates());

    /// <summary>The first existing file of <paramref name="candidates"/>, or <see cref="NginxNotFoundException"/>.</summary>
    public static NginxBinary Locate(IEnumerable<string> candidates) =>
        Probe(candidates.FirstOrDefault(File.Exists) ?? throw new NginxNotFoundException());

    /// <summary>
    /// Every distinct nginx among the default candidates and <paramref name="extraCandidates"/>, oldest version
    /// first; empty when there is none. Candidates are told apart by their resolved path (symlinks followed), so
    /// nginx on PATH and /usr/sbin/nginx count once when they are the same file.
    /// </summary>
    public static IReadOnlyList<NginxBinary> LocateAll(IEnumerable<string>? extraCandidates = null)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var found = new List<NginxBinary>();
        foreach (var candidate in DefaultCandidates().Concat(extraCandidates ?? []))
        {
            if (!File.Exists(candidate) || !seen.Add(Resolve(candidate))) continue;
            found.Add(Probe(candidate));
        }
        return found.OrderBy(b => b.Version).ThenBy(b => b.Path, StringComparer.Ordinal).ToArray();
    }

    /// <summary>The binary at <paramref name="path"/> with the version its <c>nginx -v</c> reports.</summary>
    private static NginxBinary Probe(string path)
    {
        var output = Run(path, ["-v"], TimeSpan.FromSeconds(10)).Output;
        var match = VersionPattern().Match(output);
        if (!match.Success) throw new InvalidOperationException($"could not read the version of {path}: {output}");
        return new NginxBinary(path, NginxVersion.Parse("nginx -v", match.Groups[1].Value).ValueOrThrow());
    }

    /// <summary>The path with every symlink followed, directories included: on merged-/usr systems /sbin/nginx
    /// (on PATH) and /usr/sbin/nginx are one file, which following only the last component would not show.</summary>
    private static string Resolve(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var resolved = System.IO.Path.GetPathRoot(full)!;
        foreach (var part in full[resolved.Length..].Split(System.IO.Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            resolved = System.IO.Path.Combine(resolved, part);
            // The final target's own parents may be links again (an absolute target), so resolve it as a whole.
            if (new FileInfo(resolved).ResolveLinkTarget(returnFinalTarget: true) is { } target) resolved = Resolve(target.FullName);
        }
        return resolved;
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

    /// <summary>nginx creates temp subdirectories, log files and unix sockets, but not their parents.</summary>
    public static void PrepareDirectory(string directory)
    {
        var layout = Edge.Nginx.NginxLayout.Local(directory);
        foreach (var parent in new[] { System.IO.Path.GetDirectoryName(layout.ErrorLog), layout.TempDirectory, layout.StatusSocket?.Directory })
            if (parent is not null) Directory.CreateDirectory(parent);
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
