using RealtimeStack.Cli.Tests.Support;

namespace RealtimeStack.Cli.Tests.Commands;

/// <summary><c>edge diff</c>: the rendered diff and each change's effect on open streams, with exit codes a pipeline can act on.</summary>
public sealed class DiffCommandTests
{
    [Fact]
    public void A_longer_sse_timeout_is_a_reload_that_keeps_streams_exit_0()
    {
        var (code, stdout, stderr) = CommandRun.FromRoot("diff", "--stack", "dev", "--set", "realtime:sseReadTimeout=2h");
        Assert.True(code == 0, stdout + stderr);
        Assert.Contains("settings changed: realtime:sseReadTimeout", stdout);
        Assert.Contains("\n-            proxy_read_timeout 3600s;\n+            proxy_read_timeout 7200s;\n", stdout);
        Assert.Contains("nginx.conf: nginx reloads — open streams: kept up to workerShutdownTimeout", stdout);
        Assert.Contains("result: no open stream is cut", stdout);
    }

    [Fact]
    public void Another_published_port_replaces_the_container_and_exits_3()
    {
        var (code, stdout, _) = CommandRun.FromRoot("diff", "--stack", "dev", "--set", "realtime:httpsPort=8444");
        Assert.Equal(3, code);
        Assert.Contains("nginx container: replaced — open streams: cut", stdout);
        Assert.Contains("ports 8080/8443 → 8080/8444", stdout);
    }

    [Fact]
    public void Against_another_stack_compares_its_rendering_across_modes()
    {
        var (code, stdout, _) = CommandRun.FromRoot("diff", "--stack", "dev", "--against-stack", "k8s");
        Assert.Equal(3, code);
        Assert.Contains("edge diff: stack k8s → stack dev (docker mode)", stdout);
        Assert.Contains("everything replaced", stdout);
    }

    [Fact]
    public void Against_an_nginx_conf_says_it_takes_a_stack_file_and_how_to_compare_a_conf()
    {
        var directory = Directory.CreateTempSubdirectory("realtime-diff-").FullName;
        try
        {
            var conf = Path.Combine(directory, "nginx.conf");
            var (_, rendered, _) = CommandRun.FromRoot("render", "--stack", "dev");
            File.WriteAllText(conf, rendered);
            var (code, stdout, stderr) = CommandRun.FromRoot("diff", "--stack", "dev", "--against", conf);
            Assert.Equal(2, code);
            Assert.Empty(stdout);
            Assert.Contains("edge render --stack NAME | diff - nginx.conf", stderr);
            Assert.DoesNotContain("realtime:domain: is required", stderr);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Against_a_stack_file_reads_that_file()
    {
        var directory = Directory.CreateTempSubdirectory("realtime-diff-").FullName;
        try
        {
            var file = Path.Combine(directory, "Pulumi.running.yaml");
            File.WriteAllText(file, File.ReadAllText(Path.Combine(RepoPaths.Root, "Pulumi.dev.yaml")).Replace("realtime:maxStreams: \"10000\"", "realtime:maxStreams: \"10000\"\n  realtime:gzipLevel: \"6\""));
            var (code, stdout, stderr) = CommandRun.FromRoot("diff", "--stack", "dev", "--against", file);
            Assert.True(code == 0, stdout + stderr);
            Assert.Contains("settings changed: realtime:gzipLevel", stdout);
            Assert.Contains("-    gzip_comp_level 6;", stdout);
            Assert.Contains("+    gzip_comp_level 4;", stdout);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void No_change_says_so_and_exits_0()
    {
        var (code, stdout, _) = CommandRun.FromRoot("diff", "--stack", "dev", "--against-stack", "dev");
        Assert.Equal(0, code);
        Assert.Contains("(the rendered configuration is the same)", stdout);
        Assert.Contains("pulumi up changes nothing on the running edge.", stdout);
    }

    [Theory]
    [InlineData(new[] { "diff", "--stack", "dev", "--set", "realtime:sseReadTimeout=forever" }, "realtime:sseReadTimeout")]
    [InlineData(new[] { "diff", "--stack", "dev" }, "nothing to compare")]
    [InlineData(new[] { "diff", "--set", "realtime:gzip=false" }, "--stack NAME is required")]
    [InlineData(new[] { "diff", "--stack", "dev", "--against-stack", "k8s", "--against", "x.yaml" }, "exclude each other")]
    public void Bad_input_exits_2_naming_the_problem(string[] args, string named)
    {
        var (code, _, stderr) = CommandRun.FromRoot(args);
        Assert.Equal(2, code);
        Assert.Contains(named, stderr);
    }
}
