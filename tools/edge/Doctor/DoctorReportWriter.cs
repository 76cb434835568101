using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RealtimeStack.Cli.Doctor;

/// <summary>The report as text (one line per check, the fix under each failure) or as JSON (the same fields).</summary>
public static class DoctorReportWriter
{
    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // a terminal, not a web page: keep ' < > readable
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static void WriteText(DoctorReport report, TextWriter output)
    {
        output.WriteLine($"edge doctor {report.Url} (edge: {report.Edge.Name}; {report.Edge.Evidence})");
        var width = report.Checks.Max(c => c.Id.Length);
        foreach (var check in report.Checks)
        {
            var label = check.Status switch { CheckStatus.Pass => "pass", CheckStatus.Fail => "FAIL", _ => "skip" };
            var text = check.Status == CheckStatus.Skip
                ? check.Reason + (check.Measured.Length > 0 ? $" [{check.Measured}]" : "")
                : check.Measured;
            output.WriteLine($"  {label}  {check.Id.PadRight(width)}  {text}");
            if (check.Fix is not { } fix) continue;
            var indent = new string(' ', width + 10);
            foreach (var (edge, line) in FixesFor(fix, report.Edge))
                output.WriteLine($"{indent}fix ({EdgeKindArgument.Name(edge)}): {line}");
        }
        output.WriteLine($"{report.Checks.Count} checks: {report.Passed} passed, {report.Failed} failed, {report.Skipped} skipped");
    }

    /// <summary>
    /// The fixes to print, in order. A kind given with --edge prints its fix alone (ingress-nginx falls back to the
    /// nginx one where it has none of its own: the same nginx runs inside). A detected kind only comes first: detection
    /// reads Server headers, which an Envoy- or nginx-based proxy in front also sends, so a wrong guess must not hide
    /// the fix that applies.
    /// </summary>
    public static IEnumerable<(EdgeKind Edge, string Text)> FixesFor(CheckFix fix, EdgeIdentity identity)
    {
        (EdgeKind, string)? Line(EdgeKind kind) => kind switch
        {
            EdgeKind.Nginx => (kind, fix.Nginx),
            EdgeKind.IngressNginx => fix.IngressNginx is { } text ? (kind, text) : null,
            _ => (kind, fix.EnvoyGateway),
        };
        if (identity is { Given: true, Kind: { } given })
        {
            yield return Line(given) ?? (EdgeKind.Nginx, fix.Nginx);
            yield break;
        }
        EdgeKind[] order = identity.Kind == EdgeKind.EnvoyGateway
            ? [EdgeKind.EnvoyGateway, EdgeKind.Nginx, EdgeKind.IngressNginx]
            : [EdgeKind.Nginx, EdgeKind.IngressNginx, EdgeKind.EnvoyGateway];
        foreach (var kind in order)
            if (Line(kind) is { } line) yield return line;
    }

    public static void WriteJson(object shape, TextWriter output) => output.WriteLine(JsonSerializer.Serialize(shape, Json));

    /// <summary>The report as JSON sees it: the edge, the totals, then every check with the same fields the text shows.
    /// A fix keeps every kind's text (nginx, ingressNginx, envoyGateway): a script picks by <c>edge</c>.</summary>
    public static object JsonShape(DoctorReport report) => new
    {
        url = report.Url,
        edge = report.Edge.Name,
        edgeGiven = report.Edge.Given,
        edgeEvidence = report.Edge.Evidence,
        healthy = report.Healthy,
        passed = report.Passed,
        failed = report.Failed,
        skipped = report.Skipped,
        checks = report.Checks,
    };
}
