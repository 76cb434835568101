using YamlDotNet.RepresentationModel;

namespace RealtimeStack.Edge.Configuration;

/// <summary>
/// The <c>config:</c> map of a Pulumi stack file (<c>Pulumi.NAME.yaml</c>), flattened to strings. Values Pulumi
/// encrypted (<c>secure:</c>) cannot be read without Pulumi; their keys are listed in <see cref="Encrypted"/>.
/// </summary>
public sealed record StackFile(string Path, IReadOnlyDictionary<string, string> Values, IReadOnlySet<string> Encrypted)
{
    public static string PathFor(string repoRoot, string stack) => System.IO.Path.Combine(repoRoot, $"Pulumi.{stack}.yaml");

    /// <summary>The project's root: the nearest directory from <paramref name="start"/> upwards that holds Pulumi.yaml
    /// (where Pulumi and <c>edge</c> find the stack files); null when there is none.</summary>
    public static string? ProjectRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Pulumi.yaml"))) return dir.FullName;
        return null;
    }

    /// <summary>Reads a stack file. Throws <see cref="FormatException"/> naming the file and the problem.</summary>
    public static StackFile Load(string path)
    {
        var text = File.ReadAllText(path);
        var yaml = new YamlStream();
        try
        {
            yaml.Load(new StringReader(text));
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new FormatException($"{path}: not valid YAML at line {e.Start.Line}: {e.Message}");
        }
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var encrypted = new HashSet<string>(StringComparer.Ordinal);
        if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode root)
            return new StackFile(path, values, encrypted);
        if (!root.Children.TryGetValue(new YamlScalarNode("config"), out var configNode))
            return new StackFile(path, values, encrypted);
        if (configNode is not YamlMappingNode config) throw new FormatException($"{path}: 'config' must be a map of key: value");
        foreach (var (keyNode, valueNode) in config.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value ?? "";
            switch (valueNode)
            {
                case YamlScalarNode scalar:
                    values[key] = scalar.Value ?? "";
                    break;
                case YamlMappingNode map when map.Children.ContainsKey(new YamlScalarNode("secure")):
                    encrypted.Add(key);
                    break;
                case YamlSequenceNode list when list.Children.All(item => item is YamlScalarNode):
                    var joined = FlatConfig.JoinList(key, list.Children.Select(item => ((YamlScalarNode)item).Value ?? ""));
                    values[key] = joined.Error is { } error ? throw new FormatException($"{path}: {error}") : joined.Value!;
                    break;
                default:
                    throw new FormatException($"{path}: config key '{key}' must be a plain value or a list of plain values");
            }
        }
        return new StackFile(path, values, encrypted);
    }
}
