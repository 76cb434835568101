using RealtimeStack.Edge.Changes;

namespace RealtimeStack.Edge.Tests.Changes;

public sealed class UnifiedDiffTests
{
    private static string Numbered(int count, Func<int, string>? line = null) =>
        string.Concat(Enumerable.Range(1, count).Select(i => (line?.Invoke(i) ?? $"line {i}") + "\n"));

    [Fact]
    public void Equal_texts_have_no_diff() => Assert.Equal("", UnifiedDiff.Of("a\nb\n", "a\nb\n", "x", "y"));

    [Fact]
    public void One_changed_line_shows_with_three_lines_of_context_and_a_hunk_header()
    {
        var diff = UnifiedDiff.Of(Numbered(10), Numbered(10, i => i == 5 ? "five" : $"line {i}"), "before", "after");
        Assert.Equal(
            "--- before\n+++ after\n@@ -2,7 +2,7 @@\n line 2\n line 3\n line 4\n-line 5\n+five\n line 6\n line 7\n line 8\n",
            diff);
    }

    [Fact]
    public void Changes_far_apart_are_separate_hunks_and_near_ones_share_one()
    {
        var far = UnifiedDiff.Of(Numbered(30), Numbered(30, i => i is 3 or 25 ? "x" : $"line {i}"), "a", "b");
        Assert.Equal(2, far.Split('\n').Count(l => l.StartsWith("@@", StringComparison.Ordinal)));
        var near = UnifiedDiff.Of(Numbered(30), Numbered(30, i => i is 3 or 8 ? "x" : $"line {i}"), "a", "b");
        Assert.Equal(1, near.Split('\n').Count(l => l.StartsWith("@@", StringComparison.Ordinal)));
    }

    [Fact]
    public void Added_and_removed_lines_are_marked()
    {
        var diff = UnifiedDiff.Of("a\nb\nc\n", "a\nc\nd\n", "a", "b");
        Assert.Contains("\n-b\n", diff);
        Assert.Contains("\n+d\n", diff);
        Assert.DoesNotContain("\n-a\n", diff);
    }

    [Fact]
    public void A_hunk_header_names_the_section_its_first_change_is_in()
    {
        var before = "# one\na\nb\nc\nd\ne\nf\ng\nh\n# two\ni\nj\nk\n";
        var after = before.Replace("\nj\n", "\nJ\n", StringComparison.Ordinal).Replace("\nb\n", "\nB\n", StringComparison.Ordinal);
        var headers = UnifiedDiff.Of(before, after, "a", "b", l => l.StartsWith("# ", StringComparison.Ordinal))
            .Split('\n').Where(l => l.StartsWith("@@", StringComparison.Ordinal)).ToArray();
        Assert.Equal(["@@ -1,6 +1,6 @@ # one", "@@ -9,5 +9,5 @@ # two"], headers);
        // Without a section rule, the headers are plain.
        Assert.DoesNotContain("#", UnifiedDiff.Of(before, after, "a", "b").Split('\n').First(l => l.StartsWith("@@", StringComparison.Ordinal)));
    }
}
