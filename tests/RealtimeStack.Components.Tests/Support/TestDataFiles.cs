namespace RealtimeStack.Components.Tests.Support;

/// <summary>The upstream files kept under TestData (each folder's SOURCE.md says where they come from), read in place.</summary>
internal static class TestDataFiles
{
    public static string PathOf(params string[] parts) =>
        Path.Combine([RepoPaths.Root, "tests", "RealtimeStack.Components.Tests", "TestData", .. parts]);
}
