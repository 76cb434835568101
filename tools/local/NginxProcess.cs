using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace RealtimeStack.Local;

/// <summary>
/// A running nginx master in the foreground (<c>daemon off</c>), in a private directory, bound to 127.0.0.1.
/// Stopped by its own process id: graceful quit first, then the whole process tree.
/// </summary>
public sealed class NginxProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly System.Text.StringBuilder _output = new();

    private NginxProcess(NginxBinary binary, string directory, Process process)
    {
        Binary = binary;
        Directory = directory;
        _process = process;
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.AppendLine(e.Data); };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.AppendLine(e.Data); };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
    }

    public NginxBinary Binary { get; }

    public string Directory { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public string ErrorLog => File.Exists(ErrorLogPath) ? File.ReadAllText(ErrorLogPath) : "";

    private string ErrorLogPath => Path.Combine(Directory, "logs", "error.log");

    /// <summary>
    /// Writes <paramref name="files"/> into <paramref name="directory"/>, has nginx check them (<c>nginx -t</c>; a
    /// rejection throws with nginx's own message) and starts it there, as <see cref="StartAsync(NginxBinary, string, IEnumerable{int}, TimeSpan?)"/>.
    /// </summary>
    public static Task<NginxProcess> StartAsync(NginxBinary binary, string directory, EdgeFiles files, IEnumerable<int> ports, TimeSpan? timeout = null)
    {
        files.WriteTo(directory);
        var (ok, output) = binary.Test(directory);
        if (!ok) throw new InvalidOperationException($"nginx -t rejected the configuration in {directory}:\n{output}");
        return StartAsync(binary, directory, ports, timeout);
    }

    /// <summary>
    /// Starts nginx on a directory written by <see cref="EdgeFiles"/> with <see cref="Nginx.NginxLayout.Local"/>
    /// and waits (bounded) until every port in <paramref name="ports"/> accepts connections on 127.0.0.1.
    /// <paramref name="launch"/> wraps the command line, as a container's entrypoint does (the process it starts
    /// must exec nginx, so its id stays the master's).
    /// </summary>
    public static async Task<NginxProcess> StartAsync(
        NginxBinary binary, string directory, IEnumerable<int> ports, TimeSpan? timeout = null, Func<IReadOnlyList<string>, IReadOnlyList<string>>? launch = null)
    {
        NginxBinary.PrepareDirectory(directory);
        IReadOnlyList<string> command = [binary.Path, .. NginxBinary.Arguments(directory)[..^1], $"daemon off; pid {Path.Combine(directory, "nginx.pid")};"];
        if (launch is not null) command = launch(command);
        var info = new ProcessStartInfo(command[0]) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in command.Skip(1)) info.ArgumentList.Add(arg);
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start nginx");
        var nginx = new NginxProcess(binary, directory, process);
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        try
        {
            foreach (var port in ports)
            {
                while (!await Accepts(port))
                {
                    if (process.HasExited)
                        throw new InvalidOperationException($"nginx exited with code {process.ExitCode} before listening on {port}:\n{nginx.Diagnostics()}");
                    if (DateTime.UtcNow > deadline)
                        throw new TimeoutException($"nginx did not listen on 127.0.0.1:{port} in time:\n{nginx.Diagnostics()}");
                    await Task.Delay(25);
                }
            }
            await nginx.WaitForWorkersAsync(ExpectedWorkers(Path.Combine(directory, "nginx.conf")));
            return nginx;
        }
        catch
        {
            await nginx.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// nginx listens as soon as its first worker runs; on a loaded machine the others are still being forked. A caller
    /// that reads the workers (to compare them across a reload, or to measure their memory) must find them all, so the
    /// start waits for them too, bounded (a count nginx reads otherwise, as with auto in a restricted cgroup, only costs
    /// the bound).
    /// </summary>
    private async Task WaitForWorkersAsync(int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (WorkerProcessIds().Count < expected && DateTime.UtcNow < deadline && !HasExited) await Task.Delay(25);
    }

    // worker_processes N, or auto (one per core).
    private static int ExpectedWorkers(string conf)
    {
        var match = System.Text.RegularExpressions.Regex.Match(File.Exists(conf) ? File.ReadAllText(conf) : "", @"^worker_processes\s+(\w+);", System.Text.RegularExpressions.RegexOptions.Multiline);
        return match.Success && int.TryParse(match.Groups[1].Value, out var count) ? count : Environment.ProcessorCount;
    }

    /// <summary>Tells the master to reload its configuration (new workers start; old ones drain).</summary>
    public void Reload()
    {
        var (code, output) = NginxBinary.Run(Binary.Path, ["-s", "reload", .. NginxBinary.Arguments(Directory)], TimeSpan.FromSeconds(15));
        if (code != 0) throw new InvalidOperationException($"nginx -s reload failed: {output}");
    }

    /// <summary>The worker process ids of this master, read from /proc.</summary>
    public IReadOnlyList<int> WorkerProcessIds() =>
        System.IO.Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
            .Where(pid => pid > 0 && ParentOf(pid) == ProcessId)
            .ToArray();

    public string Diagnostics()
    {
        lock (_output) return $"--- nginx output ---\n{_output}--- error.log ---\n{ErrorLog}";
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                NginxBinary.Run(Binary.Path, ["-s", "stop", .. NginxBinary.Arguments(Directory)], TimeSpan.FromSeconds(5));
            }
            catch (Exception) { /* fall through to killing the tree */ }
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try { await _process.WaitForExitAsync(wait.Token); }
            catch (OperationCanceledException) { }
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private static int ParentOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception) { return -1; }
    }

    private static async Task<bool> Accepts(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port).WaitAsync(TimeSpan.FromSeconds(1));
            return true;
        }
        catch (Exception) { return false; }
    }
}
