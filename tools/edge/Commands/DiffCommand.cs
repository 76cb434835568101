using RealtimeStack.Edge.Changes;

namespace RealtimeStack.Cli.Commands;

/// <summary>
/// <c>edge diff</c>: what a <c>pulumi up</c> would do to the running edge — the unified diff of what it renders and,
/// per change, its effect on open streams. Exit 0 when no open stream is cut, 3 when some would be, 2 on bad input.
/// </summary>
public static class DiffCommand
{
    public const string Usage = "edge diff --stack NAME [--set KEY=VALUE]... [--against-stack NAME | --against STACKFILE]";

    /// <summary>The exit code that says some open streams would be cut.</summary>
    public const int CutsStreams = 3;

    public static int Run(IEnumerable<string> args, TextWriter stdout, TextWriter stderr)
    {
        var reader = new ArgReader(args);
        var stack = reader.Option("--stack");
        var sets = reader.Options("--set");
        var againstStack = reader.Option("--against-stack");
        var againstFile = reader.Option("--against");
        reader.Done(Usage);
        if (stack is null) throw new UsageException(["--stack NAME is required", "usage: " + Usage]);
        if (againstStack is not null && againstFile is not null) throw new UsageException(["--against-stack and --against exclude each other", "usage: " + Usage]);
        if (sets.Count == 0 && againstStack is null && againstFile is null)
            throw new UsageException(["nothing to compare: give --set KEY=VALUE (a change to the stack) or --against-stack NAME / --against STACKFILE (the stack configuration that is deployed, as a Pulumi.NAME.yaml file)", "usage: " + Usage]);

        var root = RepoRoot.Find();
        // Encrypted values cannot be read here: both sides leave them out, so they count as unchanged.
        var after = StackConfigSource.Load(root, stack, sets, null, null, ignoreEncrypted: true);
        var (before, beforeName) = againstStack is not null
            ? (StackConfigSource.Load(root, againstStack, [], null, null, ignoreEncrypted: true), $"stack {againstStack}")
            : againstFile is not null
                ? (StackConfigSource.LoadFile(againstFile, [], null, null, ignoreEncrypted: true), againstFile)
                : (StackConfigSource.Load(root, stack, [], null, null, ignoreEncrypted: true), $"stack {stack}");
        var plan = StackConfigSource.AsUsage(() => UpdatePlanner.Plan(before, after));
        StackConfigSource.Warn(after, stderr);

        var afterName = sets.Count > 0 ? $"stack {stack} with {string.Join(" ", sets.Select(s => "--set " + s))}" : $"stack {stack}";
        stdout.WriteLine($"edge diff: {beforeName} → {afterName} ({plan.Mode.ToString().ToLowerInvariant()} mode)");
        stdout.WriteLine(plan.ChangedSettings.Count == 0 ? "settings changed: none" : "settings changed: " + string.Join(", ", plan.ChangedSettings));
        stdout.WriteLine();
        stdout.Write(plan.ConfigurationDiff.Length == 0 ? "(the rendered configuration is the same)\n" : plan.ConfigurationDiff);
        stdout.WriteLine();
        stdout.WriteLine(plan.IsEmpty ? "pulumi up changes nothing on the running edge." : "pulumi up would:");
        foreach (var change in plan.Changes) stdout.WriteLine("  " + change);
        stdout.WriteLine(plan.CutsStreams ? "result: open streams would be CUT (exit 3)" : "result: no open stream is cut");
        return plan.CutsStreams ? CutsStreams : 0;
    }
}
