using Google.Protobuf.WellKnownTypes;
using Pulumirpc;

namespace RealtimeStack.Provider.Tests.Support;

/// <summary>A test engine with the plugin started against it, configured as the engine configures a provider.</summary>
public sealed class EngineSession : IAsyncDisposable
{
    public const string EdgeType = "realtime:index:RealtimeEdge";

    private EngineSession(TestEngine engine, ProviderPlugin plugin) => (Engine, Plugin) = (engine, plugin);

    public TestEngine Engine { get; }

    public ProviderPlugin Plugin { get; }

    public static async Task<EngineSession> StartAsync()
    {
        var engine = await TestEngine.StartAsync();
        try
        {
            var plugin = await ProviderPlugin.StartAsync(engine.Address);
            await plugin.Client.ConfigureAsync(new ConfigureRequest { AcceptSecrets = true, AcceptResources = true, SendsOldInputs = true, SendsOldInputsToDelete = true });
            return new EngineSession(engine, plugin);
        }
        catch
        {
            await engine.DisposeAsync();
            throw;
        }
    }

    /// <summary>Constructs the edge as the engine does for a program's <c>realtime:index:RealtimeEdge</c>.</summary>
    public Task<ConstructResponse> ConstructAsync(Struct inputs, bool dryRun)
    {
        Engine.DryRun = dryRun;
        return Plugin.Client.ConstructAsync(new ConstructRequest
        {
            Project = TestEngine.Project,
            Stack = TestEngine.Stack,
            Organization = "organization",
            DryRun = dryRun,
            Parallel = 8,
            MonitorEndpoint = Engine.Address,
            Type = EdgeType,
            Name = "edge",
            Parent = TestEngine.StackUrn,
            Inputs = inputs,
        }, deadline: DateTime.UtcNow.AddMinutes(2)).ResponseAsync;
    }

    public async ValueTask DisposeAsync()
    {
        Plugin.Dispose();
        await Engine.DisposeAsync();
    }
}
