using Pulumi;
using Pulumi.Utilities;

namespace RealtimeStack.Components.Tests.Support;

/// <summary>Reads outputs in tests (values and whether they are secret).</summary>
public static class Outputs
{
    public static Task<T> Value<T>(Output<T> output) => OutputUtilities.GetValueAsync(output);

    public static Task<bool> IsSecret<T>(Output<T> output) => Output.IsSecretAsync(output);
}
