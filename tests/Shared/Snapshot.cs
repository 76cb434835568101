namespace RealtimeStack.Tests.Shared;

/// <summary>
/// A committed file generated from code, so a change to it shows in review. With UPDATE_SNAPSHOTS=1 the tests
/// rewrite what is out of date instead of failing (review the diff, then commit).
/// </summary>
public static class Snapshot
{
    public static bool Updating => Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1";

    /// <summary>The whole file at <paramref name="path"/> is <paramref name="generated"/>.</summary>
    public static void Check(string path, string generated)
    {
        if (Updating && (!File.Exists(path) || File.ReadAllText(path) != generated)) File.WriteAllText(path, generated);
        Xunit.Assert.True(File.Exists(path), $"{path} is missing: run the test with UPDATE_SNAPSHOTS=1 and commit it");
        Xunit.Assert.Equal(File.ReadAllText(path), generated);
    }
}
