using RealtimeStack.Cli.Commands;

namespace RealtimeStack.Cli;

/// <summary>The <c>edge</c> command line: dispatches subcommands and maps failures to exit codes
/// (0 ok, 1 a check failed or a run went wrong, 2 bad arguments or input, 3 a diff would cut open streams).</summary>
public static class EdgeCommand
{
    /// <summary>Each command's usage line, by command: the one source of <see cref="Usage"/> and of <c>edge CMD --help</c>.</summary>
    private static readonly (string Name, string Usage)[] Commands =
    [
        ("render", RenderCommand.Usage),
        ("diff", DiffCommand.Usage),
        ("check", CheckCommand.Usage),
        ("serve", ServeCommand.Usage),
        ("doctor", DoctorCommand.Usage),
        ("status", StatusCommand.Usage),
    ];

    public static string Usage { get; } = "usage:\n" + string.Join('\n', Commands.Select(c => "  " + c.Usage));

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            // edge CMD --help (or -h) prints that command's usage, whatever else is given.
            if (args.Length > 1 && args.Skip(1).Any(a => a is "--help" or "-h") && Commands.FirstOrDefault(c => c.Name == args[0]) is { Usage: { } usage })
            {
                stdout.WriteLine("usage: " + usage);
                return 0;
            }
            return args.FirstOrDefault() switch
            {
                "render" => RenderCommand.Run(args.Skip(1), stdout, stderr),
                "check" => CheckCommand.Run(args.Skip(1), stdout, stderr),
                "serve" => ServeCommand.Run(args.Skip(1), stdout, stderr),
                "diff" => DiffCommand.Run(args.Skip(1), stdout, stderr),
                "doctor" => DoctorCommand.Run(args.Skip(1), stdout, stderr),
                "status" => StatusCommand.Run(args.Skip(1), stdout, stderr),
                "--help" or "-h" or "help" => Help(stdout),
                _ => throw new UsageException([args.Length == 0 ? "no command given" : $"unknown command '{args[0]}'", Usage]),
            };
        }
        catch (UsageException e)
        {
            // A usage line is help, not another error.
            foreach (var problem in e.Problems) stderr.WriteLine(problem.StartsWith("usage:", StringComparison.Ordinal) ? problem : "error: " + problem);
            return 2;
        }
    }

    private static int Help(TextWriter stdout)
    {
        stdout.WriteLine(Usage);
        return 0;
    }
}
