using System.Text;

namespace RealtimeStack.Edge.Nginx;

/// <summary>
/// Reads nginx.conf text back into the <see cref="Directive"/> tree, so that hand-written configurations (the
/// article's, a user's) can be checked by the same rules as rendered ones. Handles comments and quoted strings;
/// it does not expand includes.
/// </summary>
public static class NginxConfParser
{
    public static NginxConf Parse(string text)
    {
        var tokens = Tokenize(text);
        var position = 0;
        var main = ParseBlock(tokens, ref position, topLevel: true);
        return new NginxConf(main);
    }

    private static List<Directive> ParseBlock(List<(string Text, bool Quoted)> tokens, ref int position, bool topLevel)
    {
        var directives = new List<Directive>();
        var words = new List<(string Text, bool Quoted)>();
        while (position < tokens.Count)
        {
            var (text, quoted) = tokens[position++];
            if (!quoted && text == ";")
            {
                if (words.Count == 0) continue;
                directives.Add(Make(words, null));
                words.Clear();
            }
            else if (!quoted && text == "{")
            {
                if (words.Count == 0) throw new FormatException("a block without a directive name");
                var children = ParseBlock(tokens, ref position, topLevel: false);
                directives.Add(Make(words, children));
                words.Clear();
            }
            else if (!quoted && text == "}")
            {
                if (topLevel) throw new FormatException("unexpected '}'");
                if (words.Count > 0) throw new FormatException($"directive '{words[0].Text}' is not terminated by ';'");
                return directives;
            }
            else
            {
                words.Add((text, quoted));
            }
        }
        if (!topLevel) throw new FormatException("unexpected end of file: missing '}'");
        if (words.Count > 0) throw new FormatException($"directive '{words[0].Text}' is not terminated by ';'");
        return directives;
    }

    // Quoted arguments stay marked, so the writer quotes them again (an empty one is written "" either way).
    private static Directive Make(List<(string Text, bool Quoted)> words, List<Directive>? children) =>
        new(words[0].Text, words.Skip(1).Select(w => w.Text).ToArray(), children)
        {
            QuotedArgs = words.Skip(1).Select((w, i) => (w, i)).Where(x => x.w.Quoted && x.w.Text.Length > 0).Select(x => x.i).ToHashSet(),
        };

    private static List<(string Text, bool Quoted)> Tokenize(string text)
    {
        var tokens = new List<(string, bool)>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (c == '#')
            {
                while (i < text.Length && text[i] != '\n') i++;
                continue;
            }
            if (c is ';' or '{' or '}')
            {
                tokens.Add((c.ToString(), false));
                i++;
                continue;
            }
            if (c is '"' or '\'')
            {
                var value = new StringBuilder();
                i++;
                while (i < text.Length && text[i] != c)
                {
                    if (text[i] == '\\' && i + 1 < text.Length) i++;
                    value.Append(text[i++]);
                }
                if (i >= text.Length) throw new FormatException("unterminated quoted string");
                i++;
                tokens.Add((value.ToString(), true));
                continue;
            }
            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ';' and not '{' and not '}') i++;
            tokens.Add((text[start..i], false));
        }
        return tokens;
    }
}
