using System.Globalization;

namespace RealtimeStack.Cli.Doctor.WebSockets;

/// <summary>The status line and headers of an HTTP/1.1 response, as read off the wire during a WebSocket handshake.</summary>
public sealed record HttpResponseHead(int Status, string Reason, IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    /// <summary>All values of a header, joined with ", " (null when absent).</summary>
    public string? this[string name]
    {
        get
        {
            var values = Headers.Where(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).ToArray();
            return values.Length == 0 ? null : string.Join(", ", values);
        }
    }

    public IEnumerable<string> All(string name) =>
        Headers.Where(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value);

    public static HttpResponseHead Parse(string text)
    {
        var lines = text.Split("\r\n");
        var status = lines[0].Split(' ', 3);
        if (status.Length < 2 || !status[0].StartsWith("HTTP/", StringComparison.Ordinal)
            || !int.TryParse(status[1], NumberStyles.None, CultureInfo.InvariantCulture, out var code))
            throw new InvalidDataException($"not an HTTP response: '{lines[0]}'");
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var colon = line.IndexOf(':');
            if (colon <= 0) throw new InvalidDataException($"malformed header line '{line}'");
            headers.Add(new(line[..colon].Trim(), line[(colon + 1)..].Trim()));
        }
        return new HttpResponseHead(code, status.Length > 2 ? status[2] : "", headers);
    }
}
