using RealtimeStack.Local;

namespace RealtimeStack.Tests.Shared;

/// <summary>
/// Every nginx the end-to-end tests run on: the default candidates (REALTIME_NGINX, PATH, /usr/sbin) and the builds
/// in the shared folder beside the repository, <c>../shared/nginx/*/sbin/nginx</c>, where CI keeps newer versions
/// than Debian's. A build that is missing yields no test cases rather than passing ones; <c>Every_nginx_found_is_tested</c>
/// lists what ran. Shared by the suites that run nginx (edge and CLI). Tests take an nginx by <see cref="Name"/> so each one is its own, readably named, test case.
/// </summary>
public static class InstalledNginx
{
    private static readonly Lazy<IReadOnlyList<NginxBinary>> Found = new(() => NginxBinary.LocateAll(SharedBuilds()));

    /// <summary>Oldest version first.</summary>
    public static IReadOnlyList<NginxBinary> All => Found.Value;

    public static TheoryData<string> Names => new(All.Select(Name));

    /// <summary>The nginx builds under <c>&lt;repository root&gt;/../shared/nginx</c>, whichever versions are there.</summary>
    public static IReadOnlyList<string> SharedBuilds()
    {
        var shared = Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "nginx"));
        if (!Directory.Exists(shared)) return [];
        return Directory.EnumerateDirectories(shared)
            .Select(version => Path.Combine(version, "sbin", "nginx"))
            .Where(File.Exists)
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>The version, and the path too when two distinct binaries share a version.</summary>
    public static string Name(NginxBinary binary) =>
        All.Count(b => b.Version == binary.Version) > 1 ? $"{binary.Version} {binary.Path}" : binary.Version.ToString();

    public static NginxBinary Get(string name) =>
        All.SingleOrDefault(b => Name(b) == name) ?? throw new InvalidOperationException($"no nginx named '{name}' among {string.Join(", ", All.Select(Name))}");
}
