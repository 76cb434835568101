namespace RealtimeStack.Edge.Nginx;

/// <summary>
/// Where the files nginx reads and writes live on a particular host. The model says what the edge does; the layout
/// says where it runs. Relative certificate paths resolve against the directory of nginx.conf.
/// Null paths leave nginx's compiled-in defaults (right for the official container image); a null listen address
/// means every interface.
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

    /// <summary>The official nginx image: config at /etc/nginx/nginx.conf, certificate beside it, logs to the container's stdio.</summary>
    public static NginxLayout Container { get; } = new(CertificateFile, PrivateKeyFile, "stderr", "/dev/stdout", null, null);

    /// <summary>A private directory on this host (tests, <c>edge check</c>, the benchmark): everything inside it.</summary>
    public static NginxLayout Local(string directory) => new(
        CertificateFile,
        PrivateKeyFile,
        Path.Combine(directory, "logs", "error.log"),
        Path.Combine(directory, "logs", "access.log"),
        Path.Combine(directory, "temp"),
        "127.0.0.1");

    /// <summary>The argument of listen for a port: bare (all interfaces) or address:port.</summary>
    public string Listen(int port) =>
        ListenAddress is null ? port.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{ListenAddress}:{port}";
}
