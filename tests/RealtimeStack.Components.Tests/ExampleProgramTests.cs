using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace RealtimeStack.Components.Tests;

/// <summary>
/// The Pulumi YAML example cannot run here (no Pulumi CLI), so the package schema is its contract: every property
/// it sets is an input of the schema with a value of the input's type, the required inputs are set, and every
/// output it reads is an output of the component.
/// </summary>
public sealed partial class ExampleProgramTests
{
    private static readonly JsonNode Schema = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "components", "RealtimeStack.Provider", "schema.json")))!;

    private const string EdgeType = "realtime:index:RealtimeEdge";

    [Fact]
    public void The_yaml_example_sets_only_inputs_of_the_schema_with_values_of_their_types()
    {
        var (resources, _) = LoadYamlExample();
        var edges = resources.Where(r => ((YamlScalarNode)((YamlMappingNode)r.Value)["type"]).Value == EdgeType).ToList();
        Assert.NotEmpty(edges);
        var component = Schema["resources"]![EdgeType]!;
        foreach (var edge in edges)
        {
            var properties = (YamlMappingNode)((YamlMappingNode)edge.Value)["properties"];
            var problems = new List<string>();
            CheckObject(properties, component["inputProperties"]!.AsObject(), component["requiredInputs"]?.AsArray(), "", problems);
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }
    }

    [Fact]
    public void The_yaml_example_reads_only_outputs_of_the_component()
    {
        var (resources, outputs) = LoadYamlExample();
        var edgeNames = resources.Where(r => ((YamlScalarNode)((YamlMappingNode)r.Value)["type"]).Value == EdgeType)
            .Select(r => ((YamlScalarNode)r.Key).Value!).ToHashSet();
        var declared = Schema["resources"]![EdgeType]!["properties"]!.AsObject().Select(p => p.Key).ToHashSet();
        var read = outputs.Select(o => Reference().Match(((YamlScalarNode)o.Value).Value!)).Where(m => m.Success && edgeNames.Contains(m.Groups[1].Value)).ToList();
        Assert.NotEmpty(read);
        Assert.All(read, m => Assert.Contains(m.Groups[2].Value, declared));
    }

    private static (IReadOnlyList<KeyValuePair<YamlNode, YamlNode>> Resources, IReadOnlyList<KeyValuePair<YamlNode, YamlNode>> Outputs) LoadYamlExample()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(RepoPaths.Root, "examples", "yaml", "Pulumi.yaml"))));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        return ([.. ((YamlMappingNode)root["resources"]).Children], [.. ((YamlMappingNode)root["outputs"]).Children]);
    }

    private static void CheckObject(YamlMappingNode value, JsonObject properties, JsonArray? required, string path, List<string> problems)
    {
        foreach (var name in required?.Select(r => r!.GetValue<string>()) ?? [])
            if (!value.Children.ContainsKey(new YamlScalarNode(name))) problems.Add($"{path}{name}: required input missing");
        foreach (var (keyNode, child) in value.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value!;
            if (properties[key] is not { } property) { problems.Add($"{path}{key}: not an input of the schema"); continue; }
            CheckValue(child, property, $"{path}{key}", problems);
        }
    }

    private static void CheckValue(YamlNode value, JsonNode property, string path, List<string> problems)
    {
        // An interpolation is typed by what it refers to, which the engine checks; only literals are checked here.
        if (value is YamlScalarNode { Value: { } text } && text.StartsWith("${", StringComparison.Ordinal)) return;
        if (property["$ref"]?.GetValue<string>() is { } reference)
        {
            var type = Schema["types"]![reference["#/types/".Length..]]!;
            if (value is YamlMappingNode mapping) CheckObject(mapping, type["properties"]!.AsObject(), type["required"]?.AsArray(), path + ".", problems);
            else problems.Add($"{path}: must be an object ({reference})");
            return;
        }
        var expected = property["type"]!.GetValue<string>();
        var ok = expected switch
        {
            "array" => value is YamlSequenceNode sequence && sequence.All(item => { CheckValue(item, property["items"]!, path + "[]", problems); return true; }),
            "object" => value is YamlMappingNode,
            "integer" => value is YamlScalarNode s && int.TryParse(s.Value, out _),
            "boolean" => value is YamlScalarNode b && b.Value is "true" or "false",
            "string" => value is YamlScalarNode,
            _ => false,
        };
        if (!ok) problems.Add($"{path}: must be {expected}");
    }

    [GeneratedRegex(@"^\$\{([A-Za-z0-9_-]+)\.([A-Za-z0-9_]+)")]
    private static partial Regex Reference();
}
