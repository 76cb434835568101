namespace RealtimeStack.Infra;

/// <summary>Where the sample backends' Dockerfile lives, relative to the repository root, and the hash that rebuilds them.</summary>
public static class SampleBackendsImage
{
    public const string Dockerfile = "samples/RealtimeStack.SampleBackends/Dockerfile";
    public const string SourceDirectory = "samples/RealtimeStack.SampleBackends";

    /// <summary>SHA-256 over the sample's source files (paths and contents, build output excluded), in a stable order.</summary>
    public static string SourceHash(string repositoryRoot)
    {
        var root = Path.Combine(repositoryRoot, SourceDirectory);
        var text = new System.Text.StringBuilder();
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                     .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
                     .Where(f => !f.StartsWith("bin/", StringComparison.Ordinal) && !f.StartsWith("obj/", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
            text.Append(file).Append('\0').Append(File.ReadAllText(Path.Combine(root, file))).Append('\0');
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text.ToString())));
    }
}
