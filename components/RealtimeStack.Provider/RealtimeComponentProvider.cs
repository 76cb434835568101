using Pulumi.Experimental.Provider;
using RealtimeStack.Components;

namespace RealtimeStack.Provider;

/// <summary>
/// The SDK's component provider (Construct builds a <see cref="RealtimeEdge"/> from the caller's inputs), serving
/// the described schema of <see cref="PackageSchema"/> instead of the analyzer's bare one.
/// </summary>
internal sealed class RealtimeComponentProvider()
    : ComponentProvider(typeof(RealtimeEdge).Assembly, PackageSchema.Metadata, PackageSchema.Components)
{
    public override Task<GetSchemaResponse> GetSchema(GetSchemaRequest request, CancellationToken ct) =>
        Task.FromResult(new GetSchemaResponse { Schema = PackageSchema.Json() });
}
