using System.Text.Json.Nodes;

namespace RealtimeStack.Components.Tests;

/// <summary>
/// The package schema other languages are generated from. It is committed (components/RealtimeStack.Provider/
/// schema.json) so that a change to the public inputs shows in review; regenerate it with UPDATE_SNAPSHOTS=1.
/// </summary>
public sealed class PackageSchemaTests
{
    private static readonly string SnapshotPath = Path.Combine(RepoPaths.Root, "components", "RealtimeStack.Provider", "schema.json");

    [Fact]
    public void The_schema_matches_the_committed_snapshot()
    {
        Snapshot.Check(SnapshotPath, PackageSchema.Json());
    }

    [Fact]
    public void Every_input_and_output_has_a_type_and_a_description_and_settings_carry_their_defaults()
    {
        var schema = JsonNode.Parse(PackageSchema.Json())!;
        var edge = schema["resources"]!["realtime:index:RealtimeEdge"]!;
        Assert.True(edge["isComponent"]!.GetValue<bool>());
        Assert.Equal(["domain"], edge["requiredInputs"]!.AsArray().Select(n => n!.GetValue<string>()));
        var properties = new List<JsonNode>();
        properties.AddRange(edge["inputProperties"]!.AsObject().Select(p => p.Value!));
        properties.AddRange(edge["properties"]!.AsObject().Select(p => p.Value!));
        properties.AddRange(schema["types"]!.AsObject().SelectMany(t => t.Value!["properties"]!.AsObject().Select(p => p.Value!)));
        Assert.All(properties, p =>
        {
            Assert.False(string.IsNullOrWhiteSpace(p["description"]?.GetValue<string>()), p.ToJsonString());
            Assert.True(p["type"] is not null || p["$ref"] is not null, p.ToJsonString());
        });

        var types = schema["types"]!;
        Assert.Equal("1h", types["realtime:index:SseRoute"]!["properties"]!["readTimeout"]!["default"]!.GetValue<string>());
        Assert.Equal("60s", types["realtime:index:ApiRoute"]!["properties"]!["readTimeout"]!["default"]!.GetValue<string>());
        Assert.Equal(10000, types["realtime:index:Capacity"]!["properties"]!["maxStreams"]!["default"]!.GetValue<int>());
        Assert.True(types["realtime:index:Gzip"]!["properties"]!["enabled"]!["default"]!.GetValue<bool>());
        Assert.Equal("docker", edge["inputProperties"]!["mode"]!["default"]!.GetValue<string>());
        Assert.Equal("array", types["realtime:index:ApiUpstream"]!["properties"]!["servers"]!["type"]!.GetValue<string>());
        Assert.True(types["realtime:index:Tls"]!["properties"]!["privateKeyPem"]!["secret"]!.GetValue<bool>());
        Assert.Equal("#/types/realtime:index:Routes", edge["inputProperties"]!["routes"]!["$ref"]!.GetValue<string>());
        Assert.Equal("object", edge["properties"]!["serviceNames"]!["type"]!.GetValue<string>());
    }
}
