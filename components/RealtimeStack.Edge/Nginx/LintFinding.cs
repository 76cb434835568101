namespace RealtimeStack.Edge.Nginx;

/// <summary>One way a configuration fails a streaming edge: which rule, where, and the fix.</summary>
public sealed record LintFinding(string Rule, string Where, string Problem, string Fix)
{
    public override string ToString() => $"[{Rule}] {Where}: {Problem} Fix: {Fix}";
}
