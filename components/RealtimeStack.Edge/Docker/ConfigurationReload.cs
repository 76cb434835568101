namespace RealtimeStack.Edge.Docker;

/// <summary>
/// How a new nginx.conf, certificate and key reach a running nginx without replacing it: the files are staged
/// beside the live ones, swapped in (the live ones kept), checked with <c>nginx -t</c>, and nginx reloads. If nginx
/// rejects them the previous files are put back and nginx's own message is the error; the running configuration
/// was never touched. The same script runs inside the Docker container (through <see cref="DockerHostScript"/>)
/// and, in tests, on a local nginx.
/// </summary>
public static class ConfigurationReload
{
    /// <summary>Where the Docker host script stages the new files inside the container.</summary>
    public const string StagingDirectory = ContainerEdgeSettings.ConfigDirectory + "/.next";

    /// <summary>The staged files and where each goes, relative to the live configuration directory.</summary>
    public static IReadOnlyList<(string Staged, string Live)> Files { get; } =
    [
        ("nginx.conf", "nginx.conf"),
        ("tls.crt", Nginx.NginxLayout.CertificateFile),
        ("tls.key", Nginx.NginxLayout.PrivateKeyFile),
    ];

    /// <summary>The environment the host script reads: the files' contents and the container.</summary>
    public const string ConfigVariable = "NGINX_CONF";
    public const string CertificateVariable = "TLS_CERT";
    public const string KeyVariable = "TLS_KEY";
    public const string ContainerVariable = "NGINX_CONTAINER";
    public const string ScriptVariable = "RELOAD_SCRIPT";

    /// <summary>
    /// The POSIX shell script that swaps the staged files in, checks and reloads. <paramref name="nginx"/> is the
    /// nginx command line without <c>-t</c> or <c>-s</c> (in the container just <c>nginx</c>).
    /// </summary>
    public static string Script(string liveDirectory, string stagedDirectory, IReadOnlyList<string> nginx)
    {
        var command = string.Join(' ', nginx.Select(Quote));
        var lines = new List<string>
        {
            "set -eu",
            $"live={Quote(liveDirectory)}",
            $"next={Quote(stagedDirectory)}",
            "keep=\"$next/.previous\"",
            // Staged and kept copies hold private keys: none outlives the run, whatever its outcome.
            "trap 'rm -rf \"$keep\" \"$next/nginx.conf\" \"$next/tls.crt\" \"$next/tls.key\"' EXIT",
        };
        // Every staged file is checked before any live one is touched: a copy that stopped at a missing file
        // would leave a mix of new and old files that no nginx -t has seen, for the next reload or restart.
        foreach (var (staged, _) in Files)
            lines.Add($"if [ ! -f \"$next/{staged}\" ]; then echo \"$next/{staged} is missing; nothing was changed\" >&2; exit 1; fi");
        lines.Add("mkdir -p \"$keep\"");
        foreach (var (staged, live) in Files)
        {
            var kept = "\"$keep/" + staged + "\"";
            lines.Add($"if [ -f \"$live/{live}\" ]; then cp -p \"$live/{live}\" {kept}; else rm -f {kept}; fi");
        }
        // Putting back also removes a file that was not there before, so a rejected change leaves nothing behind.
        lines.Add("restore() {");
        foreach (var (staged, live) in Files)
            lines.Add($"  if [ -f \"$keep/{staged}\" ]; then cp -p \"$keep/{staged}\" \"$live/{live}\"; else rm -f \"$live/{live}\"; fi");
        lines.Add("}");
        // Inside the condition set -e is off, so the copies are chained: the first failure puts everything back.
        var swap = Files.Select(f => $"mkdir -p \"$(dirname \"$live/{f.Live}\")\" && cp \"$next/{f.Staged}\" \"$live/{f.Live}\"")
            .Append($"chmod 600 \"$live/{Nginx.NginxLayout.PrivateKeyFile}\"");
        lines.Add($"if ! {{ {string.Join(" && ", swap)}; }}; then");
        lines.Add("  restore");
        lines.Add("  echo 'could not put the new files in place; the previous ones are back and the running configuration is unchanged' >&2");
        lines.Add("  exit 1");
        lines.Add("fi");
        lines.Add($"if ! out=$({command} -t 2>&1); then");
        lines.Add("  restore");
        lines.Add("  printf 'nginx rejected the new configuration; the running one is unchanged:\\n%s\\n' \"$out\" >&2");
        lines.Add("  exit 1");
        lines.Add("fi");
        lines.Add($"{command} -s reload");
        return string.Join('\n', lines) + "\n";
    }

    /// <summary>The script inside the official nginx image.</summary>
    public static string ContainerScript { get; } = Script(ContainerEdgeSettings.ConfigDirectory, StagingDirectory, ["nginx"]);

    /// <summary>
    /// Run on the machine that runs <c>pulumi up</c> (it needs the docker CLI, pointed at the same engine): writes
    /// the files from the environment, copies them into the container and runs <see cref="ContainerScript"/> there.
    /// </summary>
    public static string DockerHostScript { get; } = string.Join('\n',
    [
        "set -eu",
        "staged=$(mktemp -d)",
        "trap 'rm -rf \"$staged\"' EXIT",
        $"printf '%s' \"${ConfigVariable}\" > \"$staged/nginx.conf\"",
        $"printf '%s' \"${CertificateVariable}\" > \"$staged/tls.crt\"",
        $"(umask 077; printf '%s' \"${KeyVariable}\" > \"$staged/tls.key\")",
        $"docker exec \"${ContainerVariable}\" mkdir -p {StagingDirectory}",
        $"docker cp \"$staged/.\" \"${ContainerVariable}:{StagingDirectory}/\"",
        $"docker exec \"${ContainerVariable}\" sh -c \"${ScriptVariable}\"",
    ]) + "\n";

    // Paths and arguments are the project's own; a quote in one would be a bug, not input.
    private static string Quote(string value) =>
        value.Contains('\'') ? throw new ArgumentException($"'{value}' contains a single quote") : "'" + value + "'";
}
