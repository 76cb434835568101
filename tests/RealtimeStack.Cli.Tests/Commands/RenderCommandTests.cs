using RealtimeStack.Local;
using RealtimeStack.Edge.Nginx;
using RealtimeStack.Cli.Tests.Support;
using RealtimeStack.Edge.Tls;

namespace RealtimeStack.Cli.Tests.Commands;

/// <summary><c>edge render</c>, run in-process from the repository root.</summary>
public sealed class RenderCommandTests
{
    private static CommandRun Run(params string[] args) => CommandRun.FromRoot(args);

    private static (string Cert, string Key) CertificateFiles(string directory, string name = "localhost")
    {
        var pem = SelfSignedCertificate.Create([name], TimeSpan.FromDays(1));
        var cert = Path.Combine(directory, "cert.pem");
        var key = Path.Combine(directory, "key.pem");
        File.WriteAllText(cert, pem.CertificatePem);
        File.WriteAllText(key, pem.PrivateKeyPem);
        return (cert, key);
    }

    [Fact]
    public void Render_dev_prints_the_complete_configuration()
    {
        var (code, stdout, stderr) = Run("render", "--stack", "dev");
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        var conf = NginxConfParser.Parse(stdout);
        Assert.Equal(["localhost"], conf.TlsServer.Children("server_name").Single().Args);
        Assert.Equal(["on"], conf.TlsServer.Children("http2").Single().Args);
        Assert.Contains(conf.Http.Children("upstream").Single(u => u.Args[0] == "realtime_api").Children("server"), s => s.Args[0] == "api-1:9000");
    }

    [Fact]
    public void Rendered_dev_stack_is_accepted_by_the_installed_nginx()
    {
        // The dev stack names Docker hosts and targets the container's nginx; point both at this machine.
        var nginx = NginxBinary.Locate();
        var directory = Directory.CreateTempSubdirectory("realtime-render-").FullName;
        try
        {
            var (cert, key) = CertificateFiles(directory);
            var outDir = Path.Combine(directory, "out");
            var (code, _, stderr) = Run("render", "--stack", "dev", "--out", outDir, "--tls-cert", cert, "--tls-key", key,
                "--set", $"realtime:nginxVersion={nginx.Version}",
                "--set", "realtime:apiServers=127.0.0.1:9000,127.0.0.1:9001",
                "--set", "realtime:sseServers=127.0.0.1:9100",
                "--set", "realtime:wsServers=127.0.0.1:9200");
            Assert.Equal(0, code);
            Assert.Contains("wrote", stderr);
            Assert.True(File.Exists(Path.Combine(outDir, NginxLayout.PrivateKeyFile)));
            if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(outDir, NginxLayout.PrivateKeyFile)));
            ContainerLayoutOnHost.MoveStatusSocket(outDir);
            var (ok, output) = nginx.Test(outDir);
            Assert.True(ok, output);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void A_set_key_without_a_namespace_is_the_projects_as_pulumi_reads_it_and_a_typo_is_named()
    {
        var (code, output, _) = Run("render", "--stack", "dev", "--set", "sseReadTimeout=2h");
        Assert.Equal(0, code);
        Assert.Contains("proxy_read_timeout 7200s;", output);
        var typo = Run("render", "--stack", "dev", "--set", "sseReadTimout=2h");
        Assert.Equal(2, typo.ExitCode);
        Assert.Contains("realtime:sseReadTimout: is not a known key; did you mean realtime:sseReadTimeout?", typo.Stderr);
    }

    [Fact]
    public void A_cluster_stack_renders_what_its_mode_deploys_and_is_validated_as_the_component_validates_it()
    {
        var k8s = Run("render", "--stack", "k8s");
        Assert.True(k8s.ExitCode == 0, k8s.Stderr);
        Assert.Contains("is kubernetes mode", k8s.Stderr);
        Assert.DoesNotContain("worker_processes", k8s.Stdout);
        // Every object the component creates, one YAML document each under a header naming it; the key never.
        foreach (var header in new[] { "# values ingress-nginx 4.15.1", "# Namespace realtime", "# Secret realtime/realtime-tls", "# Deployment realtime/realtime-sse",
                     "# Service realtime/realtime-sse", "# PodDisruptionBudget realtime/realtime-ws", "# Ingress realtime/realtime-sse" })
            Assert.Contains("\n" + header, k8s.Stdout, StringComparison.Ordinal);
        Assert.Contains("tls.key: (redacted)", k8s.Stdout, StringComparison.Ordinal);
        Assert.Contains("sessionAffinity: ClientIP", k8s.Stdout, StringComparison.Ordinal);
        // --objects: the objects alone, for kubectl; not the chart's values.
        var objects = Run("render", "--stack", "k8s", "--objects");
        Assert.True(objects.ExitCode == 0, objects.Stderr);
        Assert.StartsWith("---\n# Namespace ", objects.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("# values", objects.Stdout, StringComparison.Ordinal);
        Assert.Equal(k8s.Stdout.Replace(k8s.Stdout[..k8s.Stdout.IndexOf("---\n# Namespace ", StringComparison.Ordinal)], "", StringComparison.Ordinal), objects.Stdout);
        var docker = Run("render", "--stack", "dev", "--objects");
        Assert.Equal(2, docker.ExitCode);
        Assert.Contains("--objects prints a cluster mode's Kubernetes objects", docker.Stderr, StringComparison.Ordinal);

        var gateway = Run("render", "--stack", "gateway");
        Assert.True(gateway.ExitCode == 0, gateway.Stderr);
        Assert.Contains("is gateway mode", gateway.Stderr);
        foreach (var header in new[] { "# values oci://docker.io/envoyproxy/gateway-helm v1.9.0", "# Gateway realtime/realtime", "# HTTPRoute realtime/realtime-sse", "# Deployment realtime/realtime-sse", "# Secret realtime/realtime-tls" })
            Assert.Contains("\n" + header, gateway.Stdout, StringComparison.Ordinal);
        // As diff and the component refuse it: a cluster pulls its backends' image.
        var noImage = Run("render", "--stack", "k8s", "--set", "realtime:backendImage=");
        Assert.Equal(2, noImage.ExitCode);
        Assert.Contains("realtime:backendImage: is required in kubernetes mode", noImage.Stderr);
    }

    /// <summary>A key the stack's mode does not use changes nothing: render and diff say so on stderr, naming the
    /// modes where it acts; the repository's stacks draw no warning.</summary>
    [Fact]
    public void A_key_the_stacks_mode_does_not_use_is_a_warning_naming_the_modes_that_do()
    {
        const string warning = "warning: realtime:httpsPort: has no effect in kubernetes mode (it acts in docker and gateway mode)";
        var render = Run("render", "--stack", "k8s", "--set", "realtime:httpsPort=8443");
        Assert.True(render.ExitCode == 0, render.Stderr);
        Assert.Contains(warning, render.Stderr, StringComparison.Ordinal);
        var diff = Run("diff", "--stack", "k8s", "--set", "realtime:httpsPort=8443");
        Assert.True(diff.ExitCode == 0, diff.Stderr);
        Assert.Contains(warning, diff.Stderr, StringComparison.Ordinal);
        Assert.Contains("pulumi up changes nothing", diff.Stdout, StringComparison.Ordinal);
        foreach (var stack in new[] { "dev", "k8s", "gateway" })
            Assert.DoesNotContain("warning:", Run("render", "--stack", stack).Stderr, StringComparison.Ordinal);
    }

    /// <summary>A renamed key under its old name still works, and every verb says the new one.</summary>
    [Fact]
    public void A_former_key_name_still_works_with_a_warning_naming_the_new_one()
    {
        var render = Run("render", "--stack", "k8s", "--set", "realtime:controllerReplicas=3");
        Assert.True(render.ExitCode == 0, render.Stderr);
        Assert.Contains("warning: realtime:controllerReplicas: is now realtime:proxyReplicas", render.Stderr, StringComparison.Ordinal);
        Assert.Contains("replicaCount: 3", render.Stdout, StringComparison.Ordinal);
        // The stack file sets the new name; an override under the old one replaces it rather than clashing.
        Assert.Contains("realtime:proxyReplicas", File.ReadAllText(Path.Combine(RepoPaths.Root, "Pulumi.k8s.yaml")), StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_values_exit_2_with_every_error_and_write_nothing()
    {
        var outDir = Path.Combine(Path.GetTempPath(), "realtime-render-bad-" + Guid.NewGuid().ToString("N"));
        var (code, stdout, stderr) = Run("render", "--stack", "dev", "--out", outDir,
            "--set", "realtime:domain=evil;com", "--set", "realtime:httpsPort=0", "--set", "realtime:gzipLevel=x");
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains("realtime:domain: must not contain ';'", stderr);
        Assert.Contains("realtime:httpsPort: must be a port number", stderr);
        Assert.Contains("realtime:gzipLevel: must be a whole number 1-9", stderr);
        Assert.False(Directory.Exists(outDir));
        Assert.DoesNotContain("   at ", stderr);
    }

    [Fact]
    public void Encrypted_values_are_reported_and_tls_files_replace_them()
    {
        var stackName = "citest" + Guid.NewGuid().ToString("N")[..8];
        var stackFile = Path.Combine(RepoPaths.Root, $"Pulumi.{stackName}.yaml");
        var directory = Directory.CreateTempSubdirectory("realtime-secure-").FullName;
        File.WriteAllText(stackFile, """
            config:
              realtime:domain: secure.example.com
              realtime:tlsCert:
                secure: AAABAJk3c2VjcmV0
              realtime:tlsKey:
                secure: AAABAJk3c2VjcmV1
              realtime:hstsMaxAge:
                secure: AAABAJk3c2VjcmV2
            """);
        try
        {
            var (code, _, stderr) = Run("render", "--stack", stackName);
            Assert.Equal(2, code);
            Assert.Contains("realtime:tlsCert: is encrypted (secure:)", stderr);
            Assert.Contains("pass --tls-cert FILE --tls-key FILE", stderr);
            Assert.Contains("realtime:hstsMaxAge: is encrypted (secure:)", stderr);
            Assert.Contains("pass --set realtime:hstsMaxAge=VALUE", stderr);

            // A certificate for another name is refused, naming what it covers; the domain's own is taken.
            var (other, otherKey) = CertificateFiles(directory);
            var refused = Run("render", "--stack", stackName, "--tls-cert", other, "--tls-key", otherKey, "--set", "realtime:hstsMaxAge=1d");
            Assert.Equal(2, refused.ExitCode);
            Assert.Contains("realtime:tlsCert: does not cover secure.example.com (it covers localhost, 127.0.0.1)", refused.Stderr);
            var (cert, key) = CertificateFiles(directory, "secure.example.com");
            var ok = Run("render", "--stack", stackName, "--tls-cert", cert, "--tls-key", key, "--set", "realtime:hstsMaxAge=1d");
            Assert.Equal(0, ok.ExitCode);
            Assert.Contains("server_name secure.example.com;", ok.Stdout);
        }
        finally
        {
            File.Delete(stackFile);
            Directory.Delete(directory, recursive: true);
        }
    }

    [Theory]
    [InlineData(new[] { "render" }, "--stack NAME is required")]
    [InlineData(new[] { "render", "--stack", "nosuchstack" }, "Pulumi.nosuchstack.yaml not found")]
    [InlineData(new[] { "render", "--stack", "../etc/passwd" }, "must be a stack name")]
    [InlineData(new[] { "render", "--stack", "dev", "--bogus" }, "unknown argument '--bogus'")]
    [InlineData(new[] { "render", "--stack", "dev", "--set", "novalue" }, "must be KEY=VALUE")]
    [InlineData(new[] { "render", "--stack", "dev", "--tls-cert", "x.pem" }, "--tls-cert and --tls-key go together")]
    [InlineData(new[] { "render", "--stack", "dev", "--tls-cert", "/nonexistent/c", "--tls-key", "/nonexistent/k" }, "file not found")]
    [InlineData(new[] { "frobnicate" }, "unknown command 'frobnicate'")]
    public void Bad_arguments_exit_2_with_a_clear_message(string[] args, string message)
    {
        var (code, stdout, stderr) = Run(args);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains(message, stderr);
    }
}
