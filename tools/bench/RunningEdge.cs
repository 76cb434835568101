using System.Globalization;
using RealtimeStack.Edge.Configuration;
using RealtimeStack.Local;
using RealtimeStack.Edge.Nginx;
using RealtimeStack.Edge.Tls;

namespace RealtimeStack.Benchmark;

/// <summary>nginx on 127.0.0.1 in a private directory, running either the project's configuration or the article's.</summary>
public sealed class RunningEdge : IAsyncDisposable
{
    private RunningEdge(NginxProcess nginx, Target target, string directory, NginxConf? conf)
    {
        Nginx = nginx;
        Target = target;
        Directory = directory;
        Conf = conf;
    }

    /// <summary>The project's rendered tree (null for the article's file), for reporting the settings measured.</summary>
    public NginxConf? Conf { get; }

    public NginxProcess Nginx { get; }

    public Target Target { get; }

    public string Directory { get; }

    /// <summary>The name both configurations serve (article.conf has server_name localhost too).</summary>
    private const string ServedName = "localhost";

    /// <summary>B: the project's rendered configuration, sized for the benchmark's target.</summary>
    public static Task<RunningEdge> ProjectAsync(NginxBinary binary, int backendPort, int maxStreams, string label, params (string Key, string Value)[] extra) =>
        ProjectAsync(binary, backendPort, maxStreams, label, extra, adjust: null);

    /// <summary>B with settings changed and, for experiments, the rendered tree adjusted before it is written.</summary>
    public static Task<RunningEdge> ProjectAsync(NginxBinary binary, int backendPort, int maxStreams, string label, IEnumerable<(string Key, string Value)> extra, Func<NginxConf, NginxConf>? adjust) =>
        ProjectAsync(binary, [backendPort], maxStreams, label, extra, adjust);

    /// <summary>B in front of several backends (each route's upstream lists them all).</summary>
    public static Task<RunningEdge> ProjectAsync(NginxBinary binary, IReadOnlyList<int> backendPorts, int maxStreams, string label, IEnumerable<(string Key, string Value)> extra, Func<NginxConf, NginxConf>? adjust)
    {
        var ports = FreePort.Take(3);
        var backend = string.Join(',', backendPorts.Select(p => $"127.0.0.1:{p.ToString(CultureInfo.InvariantCulture)}"));
        var values = LocalOverrides.Apply(new Dictionary<string, string>
        {
            ["realtime:domain"] = ServedName,
            ["realtime:maxStreams"] = maxStreams.ToString(CultureInfo.InvariantCulture),
            ["realtime:workerProcesses"] = Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture),
            // The benchmark is one client address holding every stream.
            ["realtime:streamsPerClient"] = "0",
        }, backend, backend, backend, ports[0], ports[1], ports[2], binary.Version);
        foreach (var (key, value) in extra) values["realtime:" + key] = value;
        var spec = EdgeConfigBinder.Bind(values);
        var directory = NewDirectory("b");
        var pem = SelfSignedCertificate.Create([ServedName], TimeSpan.FromDays(1));
        var conf = NginxConfRenderer.Build(spec, NginxLayout.Local(directory));
        if (adjust is not null) conf = adjust(conf);
        return StartAsync(binary, directory, new EdgeFiles(NginxConfWriter.Write(conf), pem.CertificatePem, pem.PrivateKeyPem), ports[..2], "B", label, conf);
    }

    /// <summary>C: the article's configuration (article.conf beside the benchmark), ports and paths filled in.</summary>
    public static Task<RunningEdge> ArticleAsync(NginxBinary binary, int backendPort, string label)
    {
        var ports = FreePort.Take(2);
        var directory = NewDirectory("c");
        var pem = SelfSignedCertificate.Create([ServedName], TimeSpan.FromDays(1));
        var conf = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "article.conf"))
            .Replace("{{DIR}}", directory, StringComparison.Ordinal)
            .Replace("{{BACKEND}}", $"127.0.0.1:{backendPort}", StringComparison.Ordinal)
            .Replace("{{HTTP_PORT}}", ports[0].ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{{HTTPS_PORT}}", ports[1].ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{{CERT}}", Path.Combine(directory, NginxLayout.CertificateFile), StringComparison.Ordinal)
            .Replace("{{KEY}}", Path.Combine(directory, NginxLayout.PrivateKeyFile), StringComparison.Ordinal);
        return StartAsync(binary, directory, new EdgeFiles(conf, pem.CertificatePem, pem.PrivateKeyPem), ports, "C", label, conf: null);
    }

    private static async Task<RunningEdge> StartAsync(NginxBinary binary, string directory, EdgeFiles files, int[] ports, string name, string label, NginxConf? conf)
    {
        var nginx = await NginxProcess.StartAsync(binary, directory, files, ports);
        // The served name, as a browser sends it: the edge refuses handshakes for names it does not serve.
        var target = new Target(name, label, new Uri($"https://{ServedName}:{ports[1]}/"), new Uri($"wss://{ServedName}:{ports[1]}/"));
        return new RunningEdge(nginx, target, directory, conf);
    }

    private static string NewDirectory(string tag) =>
        System.IO.Directory.CreateTempSubdirectory($"realtime-bench-{tag}-").FullName;

    /// <summary>The master's and workers' memory by kind (see <see cref="NginxMemory"/>).</summary>
    public NginxMemory Memory() => NginxMemory.Read(Nginx.WorkerProcessIds().Append(Nginx.ProcessId));

    public async ValueTask DisposeAsync()
    {
        await Nginx.DisposeAsync();
        try { System.IO.Directory.Delete(Directory, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
