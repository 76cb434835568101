using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using RealtimeStack.Cli.Doctor;
using RealtimeStack.Edge.Model;

namespace RealtimeStack.Cli.Commands;

/// <summary><c>edge doctor URL</c>: the article's troubleshooting list, measured against a live edge.</summary>
public static class DoctorCommand
{
    public const string Usage = "edge doctor URL [--insecure] [--ca FILE] [--http-port N] [--duration S] [--connect-to ADDRESS] [--edge nginx|ingress-nginx|envoy-gateway] [--json]";

    public static int Run(IEnumerable<string> args, TextWriter stdout, TextWriter stderr)
    {
        var reader = new ArgReader(args);
        var insecure = reader.Flag("--insecure");
        var json = reader.Flag("--json");
        var ca = reader.Option("--ca");
        var httpPortArg = reader.Option("--http-port");
        var durationArg = reader.Option("--duration");
        var connectToArg = reader.Option("--connect-to");
        var edgeArg = reader.Option(EdgeKindArgument.Option);
        var urlArg = reader.Positional();
        reader.Done(Usage);

        var problems = new List<string>();
        var url = ParseUrl(urlArg, problems);
        var trusted = LoadCertificates(ca, problems);
        var httpPort = ParsePort(httpPortArg, problems);
        var duration = DurationArgument.Parse(durationArg, problems);
        var connectTo = ConnectToArgument.Parse(connectToArg, problems);
        var edge = EdgeKindArgument.Parse(edgeArg, problems);
        if (url is not null && httpPort == url.Port) problems.Add($"--http-port {httpPort} is the HTTPS port itself");
        if (problems.Count > 0 || url is null) throw new UsageException([.. problems, "usage: " + Usage]);

        var options = new DoctorOptions(url, insecure, trusted, httpPort, duration ?? DoctorOptions.DefaultIdleDuration, connectTo) { Edge = edge };
        return Diagnose(options, json, stdout, stderr);
    }

    /// <summary>Runs the doctor and prints its report; shared with <c>edge check</c>. Exit 0 healthy, 1 a check failed.</summary>
    /// <exception cref="UsageException">The URL cannot be reached at all (exit 2).</exception>
    public static int Diagnose(DoctorOptions options, bool json, TextWriter stdout, TextWriter stderr, Func<DoctorReport, object>? jsonShape = null)
    {
        DoctorReport report;
        try
        {
            // Off the caller's synchronization context: the command line is synchronous, the probes are not.
            report = Task.Run(() => EdgeDoctor.RunAsync(options, stderr)).GetAwaiter().GetResult();
        }
        catch (EdgeUnreachableException e)
        {
            throw new UsageException(e.Message);
        }
        if (json) DoctorReportWriter.WriteJson(jsonShape?.Invoke(report) ?? DoctorReportWriter.JsonShape(report), stdout);
        else DoctorReportWriter.WriteText(report, stdout);
        return report.Healthy ? 0 : 1;
    }

    private static Uri? ParseUrl(string? raw, List<string> problems)
    {
        if (raw is null)
        {
            problems.Add("the URL to diagnose is missing (for example https://example.com/)");
            return null;
        }
        if (!Uri.TryCreate(raw, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            problems.Add($"'{InputText.Shorten(raw, 80)}' is not an absolute https URL (for example https://example.com/)");
            return null;
        }
        if (url.Scheme == Uri.UriSchemeHttp)
        {
            // A port given with http:// is the plain listener's, not the TLS one: never advise TLS on it.
            problems.Add(url.IsDefaultPort
                ? $"give the https URL ({new UriBuilder(url) { Scheme = "https", Port = -1 }.Uri}): the redirect from plain HTTP is checked from it"
                : $"give the edge's https URL (https://{url.Host}/, or with its HTTPS port): {url.Port} is its plain HTTP port, which the doctor takes as --http-port {url.Port}");
            return null;
        }
        if (RouteOf(url.AbsolutePath) is { } route)
        {
            problems.Add($"'{InputText.Shorten(raw, 80)}' is a URL of the edge's {route} route, not the edge: give its base URL ({new UriBuilder(url) { Path = "/" }.Uri}); the doctor adds /api/, /sse/ and /ws/ itself");
            return null;
        }
        if (url.Query.Length > 0 || url.Fragment.Length > 0 || url.UserInfo.Length > 0)
        {
            problems.Add($"'{InputText.Shorten(raw, 80)}' must be the edge's base URL, without user, query or fragment: the doctor adds /api/, /sse/ and /ws/ paths");
            return null;
        }
        return url;
    }

    private static readonly string[] EdgeRoutes = ["/api/", "/sse/", "/ws/"];

    // The route a path lies on, if it is one of the edge's: a doctor run against it would test the wrong URLs.
    private static string? RouteOf(string path) =>
        EdgeRoutes.FirstOrDefault(p => path.StartsWith(p, StringComparison.Ordinal) || path == p.TrimEnd('/'));

    private static X509Certificate2Collection LoadCertificates(string? file, List<string> problems)
    {
        var certificates = new X509Certificate2Collection();
        if (file is null) return certificates;
        if (!File.Exists(file))
        {
            problems.Add($"--ca {file}: file not found");
            return certificates;
        }
        try
        {
            certificates.ImportFromPemFile(file);
            if (certificates.Count == 0) problems.Add($"--ca {file}: no certificate (-----BEGIN CERTIFICATE-----) in it");
        }
        catch (CryptographicException e)
        {
            problems.Add($"--ca {file}: not a PEM certificate file ({e.Message.Trim()})");
        }
        return certificates;
    }

    private static int? ParsePort(string? raw, List<string> problems)
    {
        if (raw is null) return null;
        if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535) return port;
        problems.Add($"--http-port '{InputText.Shorten(raw, 80)}' must be a port number from 1 to 65535");
        return null;
    }
}
