using RealtimeStack.Edge.Configuration;
using RealtimeStack.Edge.Model;

namespace RealtimeStack.Cli;

/// <summary>
/// A stack's flat configuration as the command line sees it: Pulumi.NAME.yaml, then <c>--set</c> overrides, then
/// certificate files. Encrypted values that nothing replaced are errors that say how to supply them.
/// </summary>
public static class StackConfigSource
{
    /// <param name="ignoreEncrypted">Leave encrypted values out instead of asking for them (a diff assumes them unchanged).</param>
    public static Dictionary<string, string> Load(string root, string stack, IEnumerable<string> sets, string? certFile, string? keyFile, bool ignoreEncrypted = false)
    {
        if (!StackName.IsValid(stack)) throw new UsageException($"--stack '{InputText.Shorten(stack)}' must be a stack name (letters, digits, '-', '_', '.')");
        var path = StackFile.PathFor(root, stack);
        if (!File.Exists(path)) throw new UsageException($"stack file {path} not found (stacks here: {string.Join(", ", Stacks(root))})");
        return LoadFile(path, sets, certFile, keyFile, ignoreEncrypted);
    }

    /// <summary>A stack file given by path, with the same overrides as <see cref="Load"/>.</summary>
    public static Dictionary<string, string> LoadFile(string path, IEnumerable<string> sets, string? certFile, string? keyFile, bool ignoreEncrypted = false)
    {
        var problems = new List<string>();
        if (!File.Exists(path)) throw new UsageException($"stack file {path} not found");
        StackFile file;
        try { file = StackFile.Load(path); }
        catch (FormatException e) { throw new UsageException($"{e.Message} (a stack file is a Pulumi.NAME.yaml with a config: map; to compare a running nginx.conf, run edge render --stack NAME | diff - nginx.conf)"); }
        if (file.Values.Count == 0 && file.Encrypted.Count == 0)
            throw new UsageException($"{path} has no stack configuration (a config: map of realtime:* keys): give a Pulumi.NAME.yaml; to compare a running nginx.conf, run edge render --stack NAME | diff - nginx.conf");

        var values = new Dictionary<string, string>(file.Values, StringComparer.Ordinal);
        var encrypted = new HashSet<string>(file.Encrypted, StringComparer.Ordinal);
        foreach (var set in sets)
        {
            var eq = set.IndexOf('=');
            if (eq <= 0) { problems.Add($"--set '{InputText.Shorten(set)}' must be KEY=VALUE"); continue; }
            // As `pulumi config set KEY` does: a key without a namespace is the project's (realtime).
            var key = set[..eq].Contains(':') ? set[..eq] : ConfigKey.Namespace + ":" + set[..eq];
            // An override replaces the setting under either of its names (a renamed key's old one included).
            if (ConfigKey.Find(key) is { } known) { values.Remove(known.FullName); if (known.FormerFullName is { } former) values.Remove(former); }
            values[key] = set[(eq + 1)..];
            encrypted.Remove(key);
        }
        if ((certFile is null) != (keyFile is null)) problems.Add("--tls-cert and --tls-key go together");
        else if (certFile is not null && keyFile is not null)
        {
            foreach (var (file1, key) in new[] { (certFile, EdgeConfigKeys.TlsCert), (keyFile, EdgeConfigKeys.TlsKey) })
            {
                if (!File.Exists(file1)) { problems.Add($"{(key == EdgeConfigKeys.TlsCert ? "--tls-cert" : "--tls-key")} {file1}: file not found"); continue; }
                values[key.FullName] = File.ReadAllText(file1);
                encrypted.Remove(key.FullName);
            }
        }
        foreach (var key in encrypted.Where(k => !ignoreEncrypted && k.StartsWith(ConfigKey.Namespace + ":", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var how = key == EdgeConfigKeys.TlsCert.FullName || key == EdgeConfigKeys.TlsKey.FullName
                ? "pass --tls-cert FILE --tls-key FILE"
                : $"pass --set {key}=VALUE";
            problems.Add($"{key}: is encrypted (secure:) in {Path.GetFileName(path)} and cannot be read without Pulumi; {how}");
        }
        if (problems.Count > 0) throw new UsageException(problems);
        return values;
    }

    /// <summary>A warning on <paramref name="stderr"/> for each key <paramref name="values"/> set under a former name
    /// (<see cref="RenamedKeys"/>) or without effect in their mode (<see cref="ModeEffects"/>): every verb that reads
    /// a stack says it.</summary>
    public static void Warn(IReadOnlyDictionary<string, string> values, TextWriter stderr)
    {
        foreach (var warning in RenamedKeys.Warnings(values.Keys).Concat(ModeEffects.NoEffect(values))) stderr.WriteLine($"warning: {warning}");
    }

    public static IEnumerable<string> Stacks(string root) =>
        Directory.EnumerateFiles(root, "Pulumi.*.yaml").Select(f => Path.GetFileName(f)["Pulumi.".Length..^".yaml".Length]).Order();

    /// <summary>Binds the model, turning model errors into usage errors (exit 2).</summary>
    public static EdgeSpec Bind(IReadOnlyDictionary<string, string> values) => AsUsage(() => EdgeConfigBinder.Bind(values));

    /// <summary>Runs a binding (or anything that binds), its model errors turned into usage errors (exit 2), every one listed.</summary>
    public static T AsUsage<T>(Func<T> bind)
    {
        try { return bind(); }
        catch (EdgeConfigException e) { throw new UsageException(e.Errors.Select(x => x.ToString()).ToArray()); }
    }
}
