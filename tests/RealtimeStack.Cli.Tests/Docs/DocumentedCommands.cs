using System.Text;
using System.Text.RegularExpressions;

namespace RealtimeStack.Cli.Tests.Docs;

/// <summary>One command shown in a <c>sh</c> block of the README or a docs page: the line as a reader would paste it
/// (continuations joined, the trailing comment dropped) and where it is.</summary>
public sealed record DocumentedCommand(string Page, int Line, string Text)
{
    public override string ToString() => $"{Page}:{Line}: {Text}";

    /// <summary>The pages whose commands are run, in the order a reader meets them (later pages use the stacks the
    /// earlier ones create: the migration in gateway.md starts from deploying.md's prod stack).</summary>
    public static IReadOnlyList<string> Pages { get; } =
    [
        "README.md", "docs/deploying.md", "docs/configuration.md", "docs/gateway.md", "docs/updates.md",
        "docs/traffic.md", "docs/observability.md", "docs/benchmark.md", "docs/article.md", "examples/README.md",
    ];

    public static IReadOnlyList<DocumentedCommand> In(string root) =>
        Pages.SelectMany(page => Parse(page, File.ReadAllText(Path.Combine(root, page)))).ToArray();

    /// <summary>The commands of every <c>```sh</c> block of a page (indented blocks of list items too).</summary>
    public static IEnumerable<DocumentedCommand> Parse(string page, string markdown)
    {
        var lines = markdown.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var fence = Regex.Match(lines[i], @"^(\s*)```sh\s*$");
            if (!fence.Success) continue;
            var indent = fence.Groups[1].Value.Length;
            var pending = new StringBuilder();
            var start = 0;
            for (i++; i < lines.Length && lines[i].Trim() != "```"; i++)
            {
                var line = lines[i].Length >= indent ? lines[i][indent..] : lines[i].TrimStart();
                if (pending.Length == 0) start = i + 1;
                var code = StripComment(pending + line)[pending.Length..].TrimEnd();
                if (code.EndsWith('\\'))
                {
                    pending.Append(code[..^1]).Append(' ');
                    continue;
                }
                pending.Append(code);
                // A quote left open goes on to the next line, as the shell reads it.
                if (OpenQuote(pending.ToString()))
                {
                    pending.Append(' ');
                    continue;
                }
                var text = Regex.Replace(pending.ToString().Trim(), @"\s+", " ");
                if (text.Length > 0) yield return new DocumentedCommand(page, start, text);
                pending.Clear();
            }
        }
    }

    private static bool OpenQuote(string text)
    {
        char? quote = null;
        foreach (var c in text)
        {
            if (quote is not null) { if (c == quote) quote = null; }
            else if (c is '\'' or '"') quote = c;
        }
        return quote is not null;
    }

    /// <summary>A line without its trailing <c># comment</c> (a # outside quotes, after a space).</summary>
    private static string StripComment(string line)
    {
        char? quote = null;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote is not null) { if (c == quote) quote = null; continue; }
            if (c is '\'' or '"') quote = c;
            else if (c == '#' && (i == 0 || char.IsWhiteSpace(line[i - 1]))) return line[..i];
        }
        return line;
    }

    /// <summary>The words of a simple command, as a POSIX shell splits them (quotes removed).</summary>
    public static string[] Words(string command)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        char? quote = null;
        foreach (var c in command)
        {
            if (quote is not null)
            {
                if (c == quote) quote = null;
                else word.Append(c);
                continue;
            }
            if (c is '\'' or '"') { quote = c; inWord = true; continue; }
            if (char.IsWhiteSpace(c))
            {
                if (inWord) words.Add(word.ToString());
                word.Clear();
                inWord = false;
                continue;
            }
            word.Append(c);
            inWord = true;
        }
        if (inWord) words.Add(word.ToString());
        return [.. words];
    }
}
