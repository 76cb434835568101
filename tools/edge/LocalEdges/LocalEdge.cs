using RealtimeStack.Edge.Configuration;
using RealtimeStack.Local;
using RealtimeStack.Edge.Model;
using RealtimeStack.Edge.Nginx;
using RealtimeStack.Edge.Tls;
using RealtimeStack.SampleBackends;

namespace RealtimeStack.Cli.LocalEdges;

/// <summary>
/// A whole edge on this machine: the sample backends (two api, one sse unless asked for more, one ws) on Kestrel, and real nginx in a
/// private directory running the model's configuration, all on 127.0.0.1 and free ports. Disposing stops
/// everything it started, nginx by its process id.
/// </summary>
public sealed class LocalEdge : IAsyncDisposable
{
    private static readonly string[] ApiBackends = ["api-1", "api-2"];

    private readonly List<SampleBackend> _backends;

    private LocalEdge(EdgeSpec spec, NginxConf conf, NginxProcess nginx, List<SampleBackend> backends, SelfSignedCertificate.Pem? generated, string directory)
    {
        Spec = spec;
        Conf = conf;
        Nginx = nginx;
        _backends = backends;
        GeneratedCertificate = generated;
        Directory = directory;
    }

    public EdgeSpec Spec { get; }

    /// <summary>The configuration nginx runs (after any tampering a test asked for).</summary>
    public NginxConf Conf { get; }

    public NginxProcess Nginx { get; }

    public string Directory { get; }

    public IReadOnlyList<SampleBackend> Backends => _backends;

    /// <summary>The certificate made for this run when the configuration had none; trust it in clients.</summary>
    public SelfSignedCertificate.Pem? GeneratedCertificate { get; }

    public string CertificatePem => Spec.Tls.Material?.CertificatePem ?? GeneratedCertificate!.CertificatePem;

    public Uri HttpsUrl => new($"https://127.0.0.1:{Spec.Listen.HttpsPort}/");

    public Uri HttpUrl => new($"http://127.0.0.1:{Spec.Listen.HttpPort}/");

    /// <summary>
    /// Starts backends and nginx for <paramref name="values"/> (flat <c>realtime:*</c> config). Server addresses and
    /// listen ports are replaced by local ones; a missing certificate is generated for the server names.
    /// <paramref name="tamper"/> lets a caller change the rendered tree (tests of broken configurations).
    /// <paramref name="sseBackends"/> SSE backends (sse-1, sse-2, …) let a caller watch stickiness choose between them.
    /// </summary>
    public static async Task<LocalEdge> StartAsync(
        IReadOnlyDictionary<string, string> values,
        NginxBinary? binary = null,
        Func<NginxConf, NginxConf>? tamper = null,
        Func<SampleBackendOptions, SampleBackendOptions>? backendOptions = null,
        int sseBackends = 1)
    {
        binary ??= NginxBinary.Locate();
        var backends = new List<SampleBackend>();
        try
        {
            foreach (var id in ApiBackends.Concat(Enumerable.Range(1, sseBackends).Select(n => $"sse-{n}")).Append("ws-1"))
            {
                var options = SampleBackendOptions.Loopback(id);
                backends.Add(await SampleBackend.StartAsync(backendOptions?.Invoke(options) ?? options));
            }
            // A port picked as free can be taken before nginx binds it; try again with new ports.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return await StartNginxAsync(values, binary, tamper, backends);
                }
                catch (InvalidOperationException e) when (attempt < 3 && e.Message.Contains("Address already in use", StringComparison.Ordinal))
                {
                }
            }
        }
        catch
        {
            foreach (var backend in backends) await backend.DisposeAsync();
            throw;
        }
    }

    private static async Task<LocalEdge> StartNginxAsync(
        IReadOnlyDictionary<string, string> values, NginxBinary binary, Func<NginxConf, NginxConf>? tamper, List<SampleBackend> backends)
    {
        var ports = FreePort.Take(3);
        string Servers(string role) => string.Join(',', backends.Where(b => b.Options.InstanceId.StartsWith(role + "-", StringComparison.Ordinal)).Select(b => b.Address));
        var local = LocalOverrides.Apply(values, Servers("api"), Servers("sse"), Servers("ws"), ports[0], ports[1], ports[2], binary.Version);
        SelfSignedCertificate.Pem? generated = null;
        if (!local.ContainsKey(EdgeConfigKeys.TlsCert.FullName))
        {
            generated = SelfSignedCertificate.Create(EdgeConfigBinder.Bind(local).SelfSignedNames, TimeSpan.FromDays(30));
            local[EdgeConfigKeys.TlsCert.FullName] = generated.CertificatePem;
            local[EdgeConfigKeys.TlsKey.FullName] = generated.PrivateKeyPem;
        }
        var spec = EdgeConfigBinder.Bind(local);
        var directory = Path.Combine(Path.GetTempPath(), "realtime-edge-" + Guid.NewGuid().ToString("N")[..12]);
        var layout = NginxLayout.Local(directory);
        var conf = NginxConfRenderer.Build(spec, layout);
        if (tamper is not null) conf = tamper(conf);
        var files = new EdgeFiles(NginxConfWriter.Write(conf), spec.Tls.Material!.CertificatePem, spec.Tls.Material.PrivateKeyPem);
        // Wait for the ports the configuration listens on: a tampered one may have dropped a server.
        var listened = ports.Where(port => conf.All.Any(d => d.Name == "listen" && d.Args[0] == layout.Listen(port))).ToArray();
        var nginx = await NginxProcess.StartAsync(binary, directory, files, listened);
        return new LocalEdge(spec, conf, nginx, backends, generated, directory);
    }

    public async ValueTask DisposeAsync()
    {
        await Nginx.DisposeAsync();
        foreach (var backend in _backends) await backend.DisposeAsync();
        try { System.IO.Directory.Delete(Directory, recursive: true); }
        catch (IOException) { /* nginx temp files owned by its workers; the OS cleans /tmp */ }
        catch (UnauthorizedAccessException) { }
    }
}
