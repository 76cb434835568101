using System.Text.RegularExpressions;

namespace RealtimeStack.Edge.Model;

/// <summary>A media type for <c>gzip_types</c>. <c>text/event-stream</c> is refused: compression buffers SSE.</summary>
public static partial class MimeType
{
    public const string EventStream = "text/event-stream";

    public static Parsed<string> Parse(string key, string raw)
    {
        if (Token.Check(raw, 127) is { } rule) return Parsed<string>.Fail(key, rule);
        var type = raw.ToLowerInvariant();
        if (!Pattern().IsMatch(type)) return Parsed<string>.Fail(key, $"'{raw}' must be a media type like application/json");
        if (type == EventStream) return Parsed<string>.Fail(key, "text/event-stream must not be compressed: gzip holds SSE events back until its buffer fills");
        return Parsed<string>.Success(type);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9!#&^_.+-]*/[a-z0-9][a-z0-9!#&^_.+-]*$")]
    private static partial Regex Pattern();
}
