using System.Text.RegularExpressions;
using RealtimeStack.Edge.Model;

namespace RealtimeStack.Edge.Configuration;

/// <summary>
/// A Kubernetes label written key=value: the key an optional DNS-subdomain prefix and a name of up to 63
/// characters, the value up to 63 (may be empty); names and values are alphanumeric with - _ . inside.
/// </summary>
public static partial class KubernetesLabel
{
    public static Parsed<KeyValuePair<string, string>> Parse(string key, string raw)
    {
        if (Token.Check(raw, 253 + 1 + 63 + 1 + 63) is { } rule) return Parsed<KeyValuePair<string, string>>.Fail(key, rule);
        var equals = raw.IndexOf('=');
        if (equals < 0) return Fail(key, raw, "must be key=value");
        var (name, value) = (raw[..equals], raw[(equals + 1)..]);
        var slash = name.LastIndexOf('/');
        var (prefix, local) = slash < 0 ? (null, name) : (name[..slash], name[(slash + 1)..]);
        if (prefix is not null && (prefix.Length is 0 or > 253 || !Subdomain().IsMatch(prefix)))
            return Fail(key, raw, "the key's prefix must be a DNS subdomain (like example.com/name)");
        if (local.Length is 0 or > 63 || !NameOrValue().IsMatch(local))
            return Fail(key, raw, "the key's name must be 1-63 letters, digits, and - _ . inside");
        if (value.Length > 63 || (value.Length > 0 && !NameOrValue().IsMatch(value)))
            return Fail(key, raw, "the value must be up to 63 letters, digits, and - _ . inside");
        return Parsed<KeyValuePair<string, string>>.Success(new(name, value));
    }

    private static Parsed<KeyValuePair<string, string>> Fail(string key, string raw, string rule) =>
        Parsed<KeyValuePair<string, string>>.Fail(key, $"'{raw}': {rule}");

    [GeneratedRegex("^[A-Za-z0-9]([A-Za-z0-9_.-]*[A-Za-z0-9])?$")]
    private static partial Regex NameOrValue();

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$")]
    private static partial Regex Subdomain();
}
