namespace RealtimeStack.Cli;

/// <summary>
/// The arguments that name a stack's configuration on the command line (<c>--stack NAME [--set KEY=VALUE]...
/// [--tls-cert FILE --tls-key FILE]</c>), read the same way by every command that takes them.
/// </summary>
public sealed record StackArguments(string? Stack, IReadOnlyList<string> Sets, string? CertificateFile, string? KeyFile)
{
    public static StackArguments Read(ArgReader reader) =>
        new(reader.Option("--stack"), reader.Options("--set"), reader.Option("--tls-cert"), reader.Option("--tls-key"));

    /// <summary>The stack's flat configuration, every configuration error reported as a usage error before anything
    /// starts, and every key without effect in its mode warned about on <paramref name="stderr"/>.</summary>
    public Dictionary<string, string> LoadChecked(TextWriter stderr)
    {
        var values = StackConfigSource.Load(RepoRoot.Find(), Stack ?? throw new InvalidOperationException("--stack was checked first"), Sets, CertificateFile, KeyFile);
        StackConfigSource.Bind(values);
        StackConfigSource.Warn(values, stderr);
        return values;
    }
}
