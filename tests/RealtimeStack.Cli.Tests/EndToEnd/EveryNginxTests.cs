using RealtimeStack.Local;
using Xunit.Abstractions;

namespace RealtimeStack.Cli.Tests.EndToEnd;

/// <summary>
/// Which nginx builds the end-to-end tests ran on. A build that is missing generates no test cases, so this is
/// where its absence shows: Debian's nginx must be among them, and so must every shared build that is there.
/// </summary>
public sealed class EveryNginxTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_nginx_found_is_tested()
    {
        var tested = InstalledNginx.All;
        foreach (var binary in tested) output.WriteLine($"tested: nginx {binary.Version} at {binary.Path}");
        var shared = InstalledNginx.SharedBuilds();
        output.WriteLine(shared.Count == 0
            ? $"no shared nginx builds under {Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "nginx"))}"
            : $"shared builds: {string.Join(", ", shared)}");

        Assert.NotEmpty(tested);
        Assert.Contains(NginxBinary.Locate(["/usr/sbin/nginx"]).Version, tested.Select(b => b.Version));
        Assert.All(shared, build => Assert.Contains(NginxBinary.Locate([build]).Version, tested.Select(b => b.Version)));
        Assert.Equal(tested.Select(InstalledNginx.Name), ((IEnumerable<object[]>)InstalledNginx.Names).Select(row => (string)row[0]));
        Assert.Equal(tested.Select(b => b.Version).Order(), tested.Select(b => b.Version));
    }

    [Fact]
    public void The_same_file_by_another_path_counts_once()
    {
        // /sbin/nginx on PATH beside /usr/sbin/nginx (merged /usr) is one nginx: links to the file or to its folder.
        var directory = Directory.CreateTempSubdirectory("realtime-nginx-links-").FullName;
        try
        {
            var first = NginxBinary.Locate();
            var fileLink = Path.Combine(directory, "nginx");
            File.CreateSymbolicLink(fileLink, first.Path);
            var folderLink = Path.Combine(directory, "sbin");
            Directory.CreateSymbolicLink(folderLink, Path.GetDirectoryName(first.Path)!);

            var all = NginxBinary.LocateAll([fileLink, Path.Combine(folderLink, Path.GetFileName(first.Path)), "/nonexistent/nginx"]);

            Assert.Equal(NginxBinary.LocateAll(), all);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
