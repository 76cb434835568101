namespace RealtimeStack.Edge.Nginx;

/// <summary>
/// A string the project itself fixes (never user input) that nginx must read as one quoted argument because it holds
/// spaces, braces or double quotes: log_format's JSON template. It is written between single quotes, so it may hold
/// anything printable except the two characters that could end or bend the quoting (<c>'</c> and <c>\</c>); control
/// characters and newlines are refused too. nginx still expands <c>$variables</c> inside it, as log_format needs.
/// </summary>
public sealed record QuotedText
{
    public QuotedText(string text)
    {
        if (Problem(text) is { } problem) throw new ArgumentException($"refusing quoted text '{text}': {problem}", nameof(text));
        Text = text;
    }

    public string Text { get; }

    /// <summary>Why <paramref name="text"/> cannot be written quoted, or null when it can.</summary>
    public static string? Problem(string text)
    {
        foreach (var c in text)
        {
            if (c is '\'' or '\\') return $"it holds {c}, which would end or escape the quoting";
            if (c < ' ' || c > '~') return "it holds a control or non-ASCII character";
        }
        return null;
    }

    public override string ToString() => Text;
}
