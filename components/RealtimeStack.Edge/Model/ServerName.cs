using System.Text.RegularExpressions;

namespace RealtimeStack.Edge.Model;

/// <summary>
/// A host name nginx matches in <c>server_name</c>: RFC 1123 labels, optionally with the wildcard forms
/// nginx accepts (<c>*.example.com</c>, <c>www.example.*</c>). Regular-expression names are not accepted.
/// </summary>
public sealed partial record ServerName
{
    private ServerName(string value) => Value = value;

    public string Value { get; }

    public bool IsWildcard => Value.StartsWith("*.", StringComparison.Ordinal) || Value.EndsWith(".*", StringComparison.Ordinal);

    /// <summary>Whether a certificate can name it: a leading *. is a valid certificate name, a trailing .* is not.</summary>
    public bool FitsCertificate => !Value.EndsWith(".*", StringComparison.Ordinal);

    public override string ToString() => Value;

    public static Parsed<ServerName> Parse(string key, string raw)
    {
        if (Token.Check(raw) is { } tokenRule) return Parsed<ServerName>.Fail(key, tokenRule);
        var name = raw.ToLowerInvariant();
        var core = name;
        if (core.StartsWith("*.", StringComparison.Ordinal)) core = core[2..];
        else if (core.EndsWith(".*", StringComparison.Ordinal)) core = core[..^2];
        if (core.Contains('*'))
            return Parsed<ServerName>.Fail(key, "a wildcard is only allowed as the whole first label (*.example.com) or the whole last label (www.example.*)");
        var labels = core.Split('.');
        foreach (var label in labels)
        {
            if (label.Length == 0) return Parsed<ServerName>.Fail(key, "must not contain an empty label (two dots, or a leading or trailing dot)");
            if (label.Length > 63) return Parsed<ServerName>.Fail(key, $"label '{label}' is longer than 63 characters (RFC 1123)");
            if (!LabelPattern().IsMatch(label))
                return Parsed<ServerName>.Fail(key, $"label '{label}' must be letters, digits and inner hyphens (RFC 1123)");
        }
        return Parsed<ServerName>.Success(new ServerName(name));
    }

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]*[a-z0-9])?$")]
    private static partial Regex LabelPattern();
}
