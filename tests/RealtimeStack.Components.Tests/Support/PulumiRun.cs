using System.Collections.Immutable;
using Pulumi;
using Pulumi.Testing;

namespace RealtimeStack.Components.Tests.Support;

/// <summary>Runs a stack under mocks (not a preview, so outputs resolve) and keeps what it registered.</summary>
public sealed record PulumiRun(ImmutableArray<Resource> Resources, RecordingMocks Mocks)
{
    public static async Task<PulumiRun> OfAsync<TStack>(IReadOnlyDictionary<string, string> config, params string[] secretKeys)
        where TStack : Stack, new()
    {
        StackConfig.Set(config, secretKeys);
        var mocks = new RecordingMocks();
        var resources = await Deployment.TestAsync<TStack>(mocks.Mock.Object, new TestOptions { IsPreview = false, ProjectName = "realtime", StackName = "dev" });
        return new PulumiRun(resources, mocks);
    }

    public T Single<T>() where T : Resource => Resources.OfType<T>().Single();
}
