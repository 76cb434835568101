namespace RealtimeStack.Edge.Nginx;

/// <summary>
/// Where the files nginx reads and writes live on a particular host. The model says what the edge does; the layout
/// says where it runs. Relative certificate paths resolve against the directory of nginx.conf.
/// Null paths leave nginx's compiled-in defaults (right for the official container image); a null listen address
/// means every interface. A null <see cref="Resolver"/> means nginx resolves upstream names only when it loads
/// its configuration.
/// </summary>
public sealed record NginxLayout(
    string CertificatePath,
    string PrivateKeyPath,
    string? ErrorLog,
    string? AccessLog,
    string? TempDirectory,
    string? ListenAddress)
{
    public const string CertificateFile = "tls/tls.crt";
    public const string PrivateKeyFile = "tls/tls.key";

    /// <summary>The DNS servers nginx re-resolves upstream server names with while running, where the target nginx
    /// can (<see cref="Model.NginxVersion.HasUpstreamResolve"/>).</summary>
    public NginxResolver? Resolver { get; init; }

    /// <summary>The unix socket the status server also listens on, for a scraper that shares its directory; null: none.</summary>
    public StatusSocket? StatusSocket { get; init; }

    /// <summary>The official nginx image: config at /etc/nginx/nginx.conf, certificate beside it, logs to the container's
    /// stdio; backend containers are found by name through Docker's DNS, and replaced ones are followed there; the
    /// status socket in the volume the exporter shares.</summary>
    public static NginxLayout Container { get; } = new(CertificateFile, PrivateKeyFile, "stderr", "/dev/stdout", null, null)
    {
        Resolver = NginxResolver.Docker,
        StatusSocket = Nginx.StatusSocket.Container,
    };

    /// <summary>A private directory on this host (tests, <c>edge check</c>, the benchmark): everything inside it, the
    /// status socket too, as in a container. No resolver, since local backends are address literals; set one with
    /// <c>with { Resolver = … }</c>.</summary>
    public static NginxLayout Local(string directory) => new(
        CertificateFile,
        PrivateKeyFile,
        Path.Combine(directory, "logs", "error.log"),
        Path.Combine(directory, "logs", "access.log"),
        Path.Combine(directory, "temp"),
        "127.0.0.1")
    {
        StatusSocket = new StatusSocket(Path.Combine(directory, "run")),
    };

    /// <summary>The argument of listen for a port: bare (all interfaces) or address:port.</summary>
    public string Listen(int port) =>
        ListenAddress is null ? port.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{ListenAddress}:{port}";
}
