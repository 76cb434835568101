using RealtimeStack.Cli;

namespace RealtimeStack.Cli.Tests.Support;

/// <summary>The <c>edge</c> command run in-process from the repository root, as a user runs it there.</summary>
public static class EdgeCommandRun
{
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var previous = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(RepoPaths.Root);
        try
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            var code = EdgeCommand.Run(args, stdout, stderr);
            return (code, stdout.ToString(), stderr.ToString());
        }
        finally
        {
            Directory.SetCurrentDirectory(previous);
        }
    }
}
