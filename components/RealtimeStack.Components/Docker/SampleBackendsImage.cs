namespace RealtimeStack.Components.Docker;

/// <summary>Where the sample backends' Dockerfile lives, relative to the repository root, and the local tag.</summary>
public static class SampleBackendsImage
{
    public const string Dockerfile = "samples/RealtimeStack.SampleBackends/Dockerfile";
    public const string Tag = "realtime-sample-backends:local";
}
