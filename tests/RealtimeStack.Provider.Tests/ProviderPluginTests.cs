using System.Text.Json.Nodes;
using Google.Protobuf.WellKnownTypes;
using RealtimeStack.Provider.Tests.Support;

namespace RealtimeStack.Provider.Tests;

/// <summary>The plugin answers the engine's first calls: who it is and its package schema.</summary>
public sealed class ProviderPluginTests
{
    [Fact]
    public async Task The_plugin_names_its_version_and_serves_the_committed_schema()
    {
        await using var session = await EngineSession.StartAsync();
        var schemaFile = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "components", "RealtimeStack.Provider", "schema.json")))!;
        var info = await session.Plugin.Client.GetPluginInfoAsync(new Empty());
        Assert.Equal((string?)schemaFile["version"], info.Version);
        var schema = await session.Plugin.Client.GetSchemaAsync(new Pulumirpc.GetSchemaRequest());
        Assert.True(JsonNode.DeepEquals(schemaFile, JsonNode.Parse(schema.Schema)), "the served schema is not schema.json");
    }
}
