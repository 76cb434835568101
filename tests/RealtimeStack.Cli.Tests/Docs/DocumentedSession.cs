using System.Diagnostics;
using RealtimeStack.Cli.LocalEdges;
using RealtimeStack.Edge.Configuration;
using RealtimeStack.Edge.Tls;
using YamlDotNet.Serialization;

namespace RealtimeStack.Cli.Tests.Docs;

/// <summary>
/// Runs the documented commands one after another, as a reader would, in a scratch copy of the project's stack
/// files. What this machine has is run for real: <c>edge</c> (its process, in the scratch directory), <c>curl</c>
/// and <c>jq</c> against a local edge of the dev stack, the benchmark. What it cannot have, the Pulumi CLI and a
/// Docker engine or cluster, is stood in for by what the CLI does before the engine: <c>pulumi stack init</c> and
/// <c>pulumi config set/cp/rm</c> write the stack file as the CLI writes it, and <c>pulumi preview/up</c> binds the
/// stack's model with the component's validation (a bad key or value fails here as it fails there). <c>./tests/run.sh</c>
/// and the tool install are CI's own steps. A command no rule knows is a failure: a new one needs a rule.
/// </summary>
public sealed class DocumentedSession : IAsyncDisposable
{
    private readonly string _repository;
    private readonly string _scratch = Directory.CreateTempSubdirectory("realtime-docs-").FullName;
    private string _directory = "";
    private LocalEdge? _edge;

    /// <summary>The names every documented certificate must cover (fullchain.pem and privkey.pem in the scratch directory).</summary>
    private static readonly string[] CertificateNames = ["realtime.example.com", "www.realtime.example.com", "gw.realtime.example.com"];

    public DocumentedSession(string repository)
    {
        _repository = repository;
        foreach (var file in Directory.GetFiles(repository, "Pulumi*.yaml")) File.Copy(file, Path.Combine(_scratch, Path.GetFileName(file)));
        var pem = SelfSignedCertificate.Create(CertificateNames, TimeSpan.FromDays(30));
        File.WriteAllText(Path.Combine(_scratch, "fullchain.pem"), pem.CertificatePem);
        File.WriteAllText(Path.Combine(_scratch, "privkey.pem"), pem.PrivateKeyPem);
    }

    /// <summary>Runs one documented command (parts joined by <c>&amp;&amp;</c> in order); null when it did what the
    /// docs say, else what went wrong.</summary>
    public async Task<string?> RunAsync(DocumentedCommand command)
    {
        if (command.Text.StartsWith("jq ", StringComparison.Ordinal)) return await JqAsync(command.Text);
        foreach (var part in command.Text.Split(" && "))
        {
            var words = DocumentedCommand.Words(part);
            var problem = words switch
            {
                ["pulumi", .. var rest] => Pulumi(rest),
                ["cd", var directory] => Cd(directory),
                ["./tests/run.sh"] => Ci("./tests/run.sh", ".ci/run"),
                ["./tools/pack.sh"] => Ci("tools/pack.sh", "tests/run.sh"),
                ["dotnet", "tool", "install", "--global", "--add-source", "./packages", "RealtimeStack.Edge.Cli", "--version", var version] => ToolInstall(version),
                ["dotnet", "run", "--project", "tools/edge", "--", .. var args] => await EdgeAsync(args),
                ["dotnet", "run", "-c", "Release", "--project", "tools/bench", "--", ..] => await BenchAsync(part),
                ["curl", .. var args] => await CurlAsync(args),
                _ => "no rule runs this command: add one to DocumentedSession",
            };
            if (problem is not null) return problem;
        }
        return null;
    }

    private string? Cd(string directory)
    {
        var target = Path.GetRelativePath(_repository, Path.GetFullPath(Path.Combine(_repository, _directory, directory)));
        if (!Directory.Exists(Path.Combine(_repository, target))) return $"{target} does not exist";
        _directory = target;
        return null;
    }

    private string? Ci(string step, string script) =>
        File.ReadAllText(Path.Combine(_repository, script)).Contains(step, StringComparison.Ordinal) ? null : $"{script} does not run {step}";

    private string? ToolInstall(string version)
    {
        var props = File.ReadAllText(Path.Combine(_repository, "Directory.Build.props"));
        if (!props.Contains($"<Version>{version}</Version>", StringComparison.Ordinal)) return $"the packages' version is not {version} (Directory.Build.props)";
        // CI installs the same package from the same folder, into a tool path rather than the machine's tools.
        var run = File.ReadAllText(Path.Combine(_repository, "tests", "run.sh"));
        return run.Contains("dotnet tool install --tool-path", StringComparison.Ordinal) && run.Contains("RealtimeStack.Edge.Cli", StringComparison.Ordinal)
            ? null : "tests/run.sh does not install RealtimeStack.Edge.Cli";
    }

    // ---- Pulumi: the stack file as the CLI writes it; preview and up bind the model as the component does.

    private string? Pulumi(string[] args)
    {
        var inExample = _directory.Length > 0;
        switch (args)
        {
            case ["stack", "init", var stack]:
                if (!inExample && !File.Exists(StackPath(stack))) WriteConfig(stack, []);
                return null;
            case ["package", "add", var path]:
                return File.Exists(Path.Combine(_repository, _directory, path, "PulumiPlugin.yaml")) ? null : $"{path} holds no PulumiPlugin.yaml";
            case ["preview"] when inExample:
                // The provider suite previews the examples through the plugin (ConstructTests.Examples).
                return _directory is "examples/yaml" or "examples/typescript" ? null : $"no test previews {_directory}";
            case ["preview" or "up", "-s", var stack]:
                return Bind(stack);
            case ["config", "cp", "-s", var from, "-d", var to]:
                WriteConfig(to, ReadConfig(from));
                return null;
            case ["config", "rm", var key, "-s", var stack]:
                var config = ReadConfig(stack);
                if (!config.Remove(key)) return $"{key} is not set in {stack}";
                WriteConfig(stack, config);
                return null;
            case ["config", "set", .. var rest]:
                return ConfigSet(rest);
            default:
                return "no rule runs this pulumi command";
        }
    }

    private string? ConfigSet(string[] args)
    {
        var positional = new List<string>();
        string? stack = null;
        var path = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--secret": break;
                case "--path": path = true; break;
                case "-s": stack = args[++i]; break;
                case "--": positional.AddRange(args.Skip(i + 1).Select(Substitute)); i = args.Length; break;
                default: positional.Add(Substitute(args[i])); break;
            }
        }
        if (stack is null || positional.Count != 2) return "expected pulumi config set [--secret] [--path] KEY VALUE -s STACK";
        var (key, value) = (positional[0], positional[1]);
        var config = ReadConfig(stack);
        if (path && System.Text.RegularExpressions.Regex.Match(key, @"^(.+)\[(\d+)\]$") is { Success: true } item)
        {
            var list = config.TryGetValue(item.Groups[1].Value, out var existing) && existing is List<object> l ? l : [];
            var index = int.Parse(item.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (index > list.Count) return $"{key}: pulumi sets list items in order";
            if (index == list.Count) list.Add(value); else list[index] = value;
            config[item.Groups[1].Value] = list;
        }
        else
        {
            config[key] = value;
        }
        WriteConfig(stack, config);
        return null;
    }

    private string Substitute(string word) =>
        System.Text.RegularExpressions.Regex.Match(word, @"^\$\(cat (\S+)\)$") is { Success: true } cat ? File.ReadAllText(Path.Combine(_scratch, cat.Groups[1].Value)) : word;

    private string? Bind(string stack)
    {
        if (!File.Exists(StackPath(stack))) return $"stack {stack} has no Pulumi.{stack}.yaml";
        var values = StackFile.Load(StackPath(stack)).Values;
        try
        {
            StackModel.Bind(values);
        }
        catch (RealtimeStack.Edge.Model.EdgeConfigException e)
        {
            return $"stack {stack} does not bind: {string.Join("; ", e.Errors)}";
        }
        var warnings = ModeEffects.NoEffect(values);
        return warnings.Count == 0 ? null : $"stack {stack} draws warnings: {string.Join("; ", warnings)}";
    }

    private string StackPath(string stack) => Path.Combine(_scratch, $"Pulumi.{stack}.yaml");

    private Dictionary<string, object> ReadConfig(string stack)
    {
        var document = new DeserializerBuilder().Build().Deserialize<Dictionary<string, object>>(File.ReadAllText(StackPath(stack)));
        return document is not null && document.TryGetValue("config", out var config) && config is Dictionary<object, object> map
            ? map.ToDictionary(e => (string)e.Key, e => e.Value)
            : [];
    }

    private void WriteConfig(string stack, Dictionary<string, object> config) =>
        File.WriteAllText(StackPath(stack), new SerializerBuilder().WithQuotingNecessaryStrings().Build().Serialize(new Dictionary<string, object> { ["config"] = config }));

    // ---- What this machine runs for real.

    private async Task<string?> EdgeAsync(string[] args)
    {
        var edge = RepoPaths.BuiltProgram("tools/edge", "edge.dll");
        if (args.Any(a => a.StartsWith('[')))
        {
            // A usage line: the command's own --help prints it.
            var help = await RunAsync("dotnet", [edge, args[0], "--help"], _scratch);
            var shown = "usage: edge " + string.Join(' ', args);
            return help.Code == 0 && help.Out.Trim() == shown ? null : $"the docs show '{shown}' but edge {args[0]} --help prints '{help.Out.Trim()}'";
        }
        // serve stays up until Ctrl+C: bounded here.
        IReadOnlyList<string> run = args[0] == "serve" ? [.. args, "--for", "3"] : args;
        var result = await RunAsync("dotnet", [edge, .. run], _scratch);
        // diff exits 3 when the change would cut open streams: a documented outcome, not a failure.
        var ok = result.Code == 0 || (args[0] == "diff" && result.Code == 3);
        return ok ? null : $"exit {result.Code}: {result.Err}{result.Out}";
    }

    private async Task<string?> BenchAsync(string command)
    {
        var bench = RepoPaths.BuiltProgram("tools/bench", "RealtimeStack.Benchmark.dll");
        var help = await RunAsync("dotnet", [bench, "--help"], _scratch);
        return help.Code == 0 && help.Out.Split('\n').Select(l => l.Trim()).Contains(command) ? null : $"bench --help does not print this line (it prints: {help.Out.Trim()})";
    }

    private async Task<string?> CurlAsync(string[] args)
    {
        var edge = await LocalEdgeAsync();
        var streaming = args.Any(a => a.StartsWith('-') && !a.StartsWith("--", StringComparison.Ordinal) && a.Contains('N'));
        // The dev stack's documented port is the Docker host's; the local edge takes a free one.
        var local = args.Select(a => a.Replace("https://localhost:8443", $"https://localhost:{edge.Spec.Listen.HttpsPort}", StringComparison.Ordinal)).ToList();
        if (streaming) local.AddRange(["--max-time", "3"]);
        var result = await RunAsync("curl", [.. local, "-sS"], _scratch);
        if (streaming) return result.Out.Contains("data:", StringComparison.Ordinal) ? null : $"no event in 3 s (exit {result.Code}): {result.Err}";
        return result.Code == 0 && result.Out.Length > 0 ? null : $"exit {result.Code}: {result.Err}";
    }

    /// <summary>A jq pipeline over the access log, run by the shell in the local edge's directory (its logs/access.log),
    /// after the streams the earlier commands opened have closed and been logged.</summary>
    private async Task<string?> JqAsync(string pipeline)
    {
        var edge = await LocalEdgeAsync();
        var result = await RunAsync("/bin/sh", ["-c", pipeline], edge.Directory);
        return result.Code == 0 && result.Err.Length == 0 ? null : $"exit {result.Code}: {result.Err}";
    }

    private async Task<LocalEdge> LocalEdgeAsync() => _edge ??= await LocalEdge.StartAsync(RepoStacks.Values("dev"));

    private static async Task<(int Code, string Out, string Err)> RunAsync(string file, IReadOnlyList<string> args, string directory)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = directory };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, await stdout, "timed out after 120 s; " + await stderr);
        }
        return (process.ExitCode, await stdout, await stderr);
    }

    public async ValueTask DisposeAsync()
    {
        if (_edge is not null) await _edge.DisposeAsync();
        Directory.Delete(_scratch, recursive: true);
    }
}
