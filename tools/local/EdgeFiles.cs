using RealtimeStack.Edge.Model;
using RealtimeStack.Edge.Nginx;

namespace RealtimeStack.Local;

/// <summary>
/// What an nginx host needs on disk: nginx.conf and, when known, the certificate and key beside it
/// (at the layout's relative paths). Written all at once or not at all.
/// </summary>
public sealed record EdgeFiles(string NginxConf, string? CertificatePem, string? PrivateKeyPem)
{
    public static EdgeFiles From(EdgeSpec spec, NginxLayout layout, TlsMaterial? material = null)
    {
        var tls = material ?? spec.Tls.Material;
        return new EdgeFiles(NginxConfRenderer.Render(spec, layout), tls?.CertificatePem, tls?.PrivateKeyPem);
    }

    /// <summary>Writes into a sibling temporary directory first, then moves each file into place, so a failure
    /// leaves the target as it was.</summary>
    public void WriteTo(string directory)
    {
        Directory.CreateDirectory(directory);
        var staging = Path.Combine(directory, ".staging-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(staging, "tls"));
        try
        {
            var files = new List<(string Relative, string Text, bool Secret)> { ("nginx.conf", NginxConf, false) };
            if (CertificatePem is not null) files.Add((NginxLayout.CertificateFile, CertificatePem, false));
            if (PrivateKeyPem is not null) files.Add((NginxLayout.PrivateKeyFile, PrivateKeyPem, true));
            foreach (var (relative, text, secret) in files)
            {
                var path = Path.Combine(staging, relative);
                if (secret && !OperatingSystem.IsWindows())
                {
                    using var stream = new FileStream(path, new FileStreamOptions
                    {
                        Mode = FileMode.CreateNew,
                        Access = FileAccess.Write,
                        UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
                    });
                    using var writer = new StreamWriter(stream);
                    writer.Write(text);
                }
                else
                {
                    File.WriteAllText(path, text);
                }
            }
            foreach (var (relative, _, _) in files)
            {
                var target = Path.Combine(directory, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Move(Path.Combine(staging, relative), target, overwrite: true);
            }
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }
}
