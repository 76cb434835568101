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
        output.WriteLine($"edge doctor {report.Url}");
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
            output.WriteLine($"{indent}fix (nginx): {fix.Nginx}");
            if (fix.IngressNginx is not null) output.WriteLine($"{indent}fix (ingress-nginx): {fix.IngressNginx}");
        }
        output.WriteLine($"{report.Checks.Count} checks: {report.Passed} passed, {report.Failed} failed, {report.Skipped} skipped");
    }

    public static void WriteJson(object shape, TextWriter output) => output.WriteLine(JsonSerializer.Serialize(shape, Json));

    /// <summary>The report as JSON sees it: the totals, then every check with the same fields the text shows.</summary>
    public static object JsonShape(DoctorReport report) => new
    {
        url = report.Url,
        healthy = report.Healthy,
        passed = report.Passed,
        failed = report.Failed,
        skipped = report.Skipped,
        checks = report.Checks,
    };
}
