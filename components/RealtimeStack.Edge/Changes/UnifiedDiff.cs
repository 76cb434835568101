using System.Text;

namespace RealtimeStack.Edge.Changes;

/// <summary>
/// A unified diff of two texts, line by line (longest common subsequence), with three lines of context. Like git's
/// function context, each hunk header may name the section it is in: the nearest line before the hunk's first
/// change that <c>isSection</c> accepts (an nginx block, a Gateway API object).
/// </summary>
public static class UnifiedDiff
{
    private const int Context = 3;

    /// <summary>Empty when the texts are equal.</summary>
    public static string Of(string before, string after, string beforeName, string afterName, Func<string, bool>? isSection = null)
    {
        if (before == after) return "";
        var a = Lines(before);
        var b = Lines(after);
        var edits = Edits(a, b);
        var text = new StringBuilder().Append("--- ").Append(beforeName).Append('\n').Append("+++ ").Append(afterName).Append('\n');
        var i = 0;
        while (i < edits.Count)
        {
            if (edits[i].Kind == ' ') { i++; continue; }
            // A hunk: from Context lines before this change to Context lines after the last change near it.
            var start = Math.Max(0, i - Context);
            var end = i;
            while (end < edits.Count)
            {
                var next = edits.FindIndex(end, e => e.Kind != ' ');
                if (next < 0 || next - end > 2 * Context) break;
                end = next + 1;
            }
            end = Math.Min(edits.Count, end + Context);
            var hunk = edits.GetRange(start, end - start);
            var oldStart = edits.Take(start).Count(e => e.Kind != '+') + 1;
            var newStart = edits.Take(start).Count(e => e.Kind != '-') + 1;
            var section = isSection is null ? null : edits.Take(i).Where(e => e.Kind != '+').Select(e => e.Line).LastOrDefault(isSection);
            text.Append($"@@ -{oldStart},{hunk.Count(e => e.Kind != '+')} +{newStart},{hunk.Count(e => e.Kind != '-')} @@")
                .Append(section is null ? "" : " " + section.Trim()).Append('\n');
            foreach (var edit in hunk) text.Append(edit.Kind).Append(edit.Line).Append('\n');
            i = end;
        }
        return text.ToString();
    }

    private static string[] Lines(string text) => text.TrimEnd('\n').Split('\n');

    private static List<(char Kind, string Line)> Edits(string[] a, string[] b)
    {
        // Configurations are a few hundred lines: the quadratic table is small.
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
            for (var j = b.Length - 1; j >= 0; j--)
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        var edits = new List<(char, string)>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y]) { edits.Add((' ', a[x])); x++; y++; }
            else if (x < a.Length && (y == b.Length || lcs[x + 1, y] >= lcs[x, y + 1])) edits.Add(('-', a[x++]));
            else edits.Add(('+', b[y++]));
        }
        return edits;
    }
}
