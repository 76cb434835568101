namespace RealtimeStack.Edge.Cluster;

/// <summary>Container requests and limits. Streams are mostly idle memory; the API is mostly CPU.</summary>
public sealed record ResourceSettings(string CpuRequest, string MemoryRequest, string MemoryLimit)
{
    public static ResourceSettings Api { get; } = new("100m", "128Mi", "256Mi");

    public static ResourceSettings Streams { get; } = new("50m", "128Mi", "512Mi");
}
