using System.Text.RegularExpressions;

namespace RealtimeStack.Tests.Shared;

/// <summary>
/// A part of a committed document that is generated from code, between <c>&lt;!-- generated:NAME --&gt;</c> and
/// <c>&lt;!-- /generated:NAME --&gt;</c>. <see cref="Check"/> fails when the committed text differs from the
/// generated one; with UPDATE_SNAPSHOTS=1 it rewrites the section instead (see <see cref="Snapshot"/>).
/// </summary>
public static class GeneratedSection
{
    public static void Check(string documentPath, string name, string generated)
    {
        var document = File.ReadAllText(documentPath);
        var pattern = new Regex($@"(<!-- generated:{Regex.Escape(name)} -->\n)(.*?)(<!-- /generated:{Regex.Escape(name)} -->)", RegexOptions.Singleline);
        var match = pattern.Match(document);
        Xunit.Assert.True(match.Success, $"{documentPath} has no section '<!-- generated:{name} -->' … '<!-- /generated:{name} -->'");
        var body = generated.TrimEnd('\n') + "\n";
        if (Snapshot.Updating && match.Groups[2].Value != body)
        {
            document = document[..match.Groups[2].Index] + body + document[(match.Groups[2].Index + match.Groups[2].Length)..];
            File.WriteAllText(documentPath, document);
            return;
        }
        Xunit.Assert.True(match.Groups[2].Value == body,
            $"the section '{name}' of {documentPath} is out of date; run the tests with UPDATE_SNAPSHOTS=1 and commit the result.\n--- committed\n{match.Groups[2].Value}--- generated\n{body}");
    }
}
