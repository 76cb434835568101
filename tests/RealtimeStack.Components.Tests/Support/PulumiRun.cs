using System.Collections.Immutable;
using Pulumi;
using Pulumi.Testing;
using RealtimeStack.Infra;

namespace RealtimeStack.Components.Tests.Support;

/// <summary>Runs a program under mocks (by default not a preview, so outputs resolve) and keeps what it registered.</summary>
public sealed record PulumiRun(ImmutableArray<Resource> Resources, IDictionary<string, object?> StackOutputs, RecordingMocks Mocks)
{
    /// <summary>The stack program in infra/ with this stack configuration.</summary>
    public static Task<PulumiRun> OfStackAsync(IReadOnlyDictionary<string, string> config, params string[] secretKeys)
    {
        StackConfig.Set(config, secretKeys);
        return OfAsync(EdgeProgram.Run);
    }

    /// <summary>Any program, as another stack would write it.</summary>
    public static async Task<PulumiRun> OfAsync(Func<IDictionary<string, object?>> program, RecordingMocks? mocks = null, bool preview = false)
    {
        mocks ??= new RecordingMocks();
        var (resources, outputs) = await Deployment.TestAsync(mocks.Mock.Object, new TestOptions { IsPreview = preview, ProjectName = "realtime", StackName = "dev" }, program);
        return new PulumiRun(resources, outputs, mocks);
    }

    public T Single<T>() where T : Resource => Resources.OfType<T>().Single();

    public Task<T> StackOutput<T>(string name) => Outputs.Value((Output<T>)StackOutputs[name]!);
}
