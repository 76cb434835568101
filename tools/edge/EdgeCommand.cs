using RealtimeStack.Cli.Commands;

namespace RealtimeStack.Cli;

/// <summary>The <c>edge</c> command line: dispatches subcommands and maps failures to exit codes
/// (0 ok, 1 a check failed or a run went wrong, 2 bad arguments or input, 3 a diff would cut open streams).</summary>
public static class EdgeCommand
{
    public const string Usage = """
        usage:
          edge render --stack NAME [--set KEY=VALUE]... [--out DIR] [--tls-cert FILE --tls-key FILE]
          edge diff --stack NAME [--set KEY=VALUE]... [--against-stack NAME | --against FILE]
          edge check --stack NAME [--set KEY=VALUE]... [--tls-cert FILE --tls-key FILE] [--duration S] [--json]
          edge doctor URL [--insecure] [--ca FILE] [--http-port N] [--duration S] [--connect-to ADDRESS] [--json]
          edge status URL [--connect-to ADDRESS] [--watch SECONDS] [--samples N] [--json]
        """;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            return args.FirstOrDefault() switch
            {
                "render" => RenderCommand.Run(args.Skip(1), stdout, stderr),
                "check" => CheckCommand.Run(args.Skip(1), stdout, stderr),
                "diff" => DiffCommand.Run(args.Skip(1), stdout, stderr),
                "doctor" => DoctorCommand.Run(args.Skip(1), stdout, stderr),
                "status" => StatusCommand.Run(args.Skip(1), stdout, stderr),
                "--help" or "-h" or "help" => Help(stdout),
                _ => throw new UsageException([args.Length == 0 ? "no command given" : $"unknown command '{args[0]}'", Usage]),
            };
        }
        catch (UsageException e)
        {
            foreach (var problem in e.Problems) stderr.WriteLine("error: " + problem);
            return 2;
        }
    }

    private static int Help(TextWriter stdout)
    {
        stdout.WriteLine(Usage);
        return 0;
    }
}
