using System.Collections.Immutable;
using Pulumi;
using RealtimeStack.Components.Containers;
using RealtimeStack.Components.Tests.Support;
using RealtimeStack.Infra;
using RealtimeStack.Edge.Docker;
using RealtimeStack.Edge.Nginx;
using Pulumi.Testing;
using RealtimeStack.Edge.Configuration;

namespace RealtimeStack.Components.Tests;

/// <summary>The dev stack (docker mode) under Pulumi mocks.</summary>
public sealed class DockerEdgeTests
{
    private static Task<PulumiRun> RunDev(params (string, string)[] changes) => PulumiRun.OfStackAsync(StackConfig.FromStackFile("dev", changes));

    [Fact]
    public async Task Creates_the_network_images_backends_and_nginx_under_the_edge_component()
    {
        var run = await RunDev();
        var types = run.Mocks.Registered.GroupBy(r => r.Type!).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(1, types[ComponentTypes.Edge]);
        Assert.Equal(1, types[ComponentTypes.NginxContainerEdge]);
        Assert.Equal(1, types["docker:index/network:Network"]);
        // Images: nginx, the built backends, the metrics exporter. Containers: nginx, four backends, the exporter.
        Assert.Equal(3, types["docker:index/remoteImage:RemoteImage"]);
        Assert.Equal(6, types["docker:index/container:Container"]);
        Assert.Equal(1, types["command:local:Command"]);
        Assert.Equal(1, types["random:index/randomString:RandomString"]);
        Assert.Equal(1, types[ComponentTypes.DevCertificate]);
        Assert.False(types.ContainsKey("kubernetes:helm.sh/v3:Release"));

        // Parents: the edge holds the container edge, which holds every Docker resource.
        var edge = run.Single<RealtimeEdge>();
        var dockerEdge = run.Single<NginxContainerEdge>();
        Assert.Contains(dockerEdge, ResourceTree.Children(edge));
        var underDockerEdge = ResourceTree.Children(dockerEdge);
        Assert.All(run.Resources.OfType<Pulumi.Docker.Container>(), c => Assert.Contains(c, underDockerEdge));
        Assert.Contains(run.Single<Pulumi.Docker.Network>(), underDockerEdge);
        // Everything but the stack and the edge itself sits somewhere under the edge.
        var descendants = ResourceTree.Descendants(edge).ToHashSet();
        Assert.All(run.Resources.Where(r => r is not Stack && r != edge), r => Assert.True(descendants.Contains(r), $"{r.GetResourceType()} is not under the edge"));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task The_configuration_reaches_nginx_by_reload_and_the_container_fits_its_limits()
    {
        var run = await RunDev();
        var model = StackModel.Bind(StackConfig.FromStackFile("dev"));
        var nginx = run.Mocks.OfType("docker:index/container:Container").Single(c => ((string)c.Inputs["name"]).EndsWith("-nginx", StringComparison.Ordinal));
        // nginx.conf, certificate and key are not container inputs (uploads replace the container)...
        Assert.False(nginx.Inputs.ContainsKey("uploads"));
        // ...but the reload command's, run by the docker CLI against the named container.
        var command = Assert.Single(run.Mocks.OfType("command:local:Command"));
        var environment = (ImmutableDictionary<string, object>)command.Inputs["environment"];
        Assert.Equal(NginxConfRenderer.Render(model.Edge, NginxLayout.Container), environment[ConfigurationReload.ConfigVariable]);
        Assert.Equal(RecordingMocks.FakeCertificatePem, environment[ConfigurationReload.CertificateVariable]);
        Assert.Equal(RecordingMocks.FakePrivateKeyPem, environment[ConfigurationReload.KeyVariable]);
        Assert.Equal(nginx.Inputs["name"], environment[ConfigurationReload.ContainerVariable]);
        Assert.Equal(ConfigurationReload.ContainerScript, environment[ConfigurationReload.ScriptVariable]);
        Assert.Equal(ConfigurationReload.DockerHostScript, command.Inputs["create"]);
        Assert.Equal(ConfigurationReload.DockerHostScript, command.Inputs["update"]);

        var ulimit = Assert.Single(((ImmutableArray<object>)nginx.Inputs["ulimits"]).Cast<ImmutableDictionary<string, object>>());
        Assert.Equal("nofile", ulimit["name"]);
        Assert.Equal((double)model.Edge.Capacity.WorkerRlimitNofile, ulimit["soft"]);
        Assert.Equal((double)model.Edge.Capacity.WorkerRlimitNofile, ulimit["hard"]);

        // The kernel caps nginx's listen backlog at the container's somaxconn: it is the backlog, and the only sysctl.
        var sysctls = (ImmutableDictionary<string, object>)nginx.Inputs["sysctls"];
        Assert.Equal(["net.core.somaxconn"], sysctls.Keys);
        Assert.Equal(model.Edge.Capacity.ListenBacklog.ToString(System.Globalization.CultureInfo.InvariantCulture), sysctls["net.core.somaxconn"]);

        var ports = ((ImmutableArray<object>)nginx.Inputs["ports"]).Cast<ImmutableDictionary<string, object>>().Select(p => ((double)p["internal"], (double)p["external"]));
        Assert.Equal([(8080d, 8080d), (8443d, 8443d)], ports);
        Assert.Equal("unless-stopped", nginx.Inputs["restart"]);
        var health = (ImmutableDictionary<string, object>)nginx.Inputs["healthcheck"];
        Assert.Contains("http://127.0.0.1:8080/healthz", ((ImmutableArray<object>)health["tests"]).Cast<string>().Last());

        var image = run.Mocks.OfType("docker:index/remoteImage:RemoteImage").Single(i => i.Name!.EndsWith("-nginx-image", StringComparison.Ordinal));
        Assert.Equal("nginx:1.28.0-alpine", image.Inputs["name"]);
    }

    [Theory]
    [InlineData("100", "511")]
    [InlineData("30000", "30000")]
    [InlineData("200000", "65535")]
    public async Task The_nginx_container_somaxconn_follows_max_streams_as_the_rendered_backlog_does(string maxStreams, string somaxconn)
    {
        var run = await RunDev(("realtime:maxStreams", maxStreams));
        var sysctls = (ImmutableDictionary<string, object>)Container(run, "-nginx").Inputs["sysctls"];
        Assert.Equal(somaxconn, sysctls["net.core.somaxconn"]);
        var environment = (ImmutableDictionary<string, object>)Assert.Single(run.Mocks.OfType("command:local:Command")).Inputs["environment"];
        Assert.Contains($" backlog={somaxconn};", (string)environment[ConfigurationReload.ConfigVariable], StringComparison.Ordinal);
        // The other containers keep Docker's defaults.
        Assert.All(BackendContainers(run).Append(Container(run, "-exporter")), c => Assert.False(c.Inputs.ContainsKey("sysctls")));
    }

    [Fact]
    public async Task Backends_are_named_as_nginx_conf_names_them_and_built_from_the_repository()
    {
        var run = await RunDev();
        var backends = BackendContainers(run).ToArray();
        var aliases = backends.Select(b => ((ImmutableDictionary<string, object>)((ImmutableArray<object>)b.Inputs["networksAdvanced"])[0])["aliases"])
            .Select(a => ((ImmutableArray<object>)a).Cast<string>().Single()).Order();
        Assert.Equal(["api-1", "api-2", "sse-1", "ws-1"], aliases);
        var api2 = backends.Single(b => ((string)b.Inputs["name"]).EndsWith("-api-2", StringComparison.Ordinal));
        Assert.Contains("PORT=9001", ((ImmutableArray<object>)api2.Inputs["envs"]).Cast<string>());
        Assert.All(backends, b => Assert.Equal("realtime-dev-abc123-" + ((string)b.Inputs["name"])["realtime-dev-abc123-".Length..], b.Inputs["name"]));

        var build = run.Mocks.OfType("docker:index/remoteImage:RemoteImage").Single(i => i.Inputs.ContainsKey("build"));
        var context = (ImmutableDictionary<string, object>)build.Inputs["build"];
        Assert.Equal(SampleBackendsImage.Dockerfile, context["dockerfile"]);
        Assert.True(File.Exists(Path.Combine((string)context["context"], SampleBackendsImage.Dockerfile)));
        // Rebuilt when the sample's sources change, and only then.
        var triggers = (ImmutableDictionary<string, object>)build.Inputs["triggers"];
        Assert.Equal(SampleBackendsImage.SourceHash(RepoPaths.Root), triggers["sources"]);
        Assert.Equal(SampleBackendsImage.SourceHash(RepoPaths.Root), SampleBackendsImage.SourceHash(RepoPaths.Root));
    }

    [Fact]
    public async Task A_configured_backend_image_is_used_instead_of_a_build()
    {
        var run = await RunDev(("realtime:backendImage", "registry.example.com/realtime/backend:2.0"));
        Assert.DoesNotContain(run.Mocks.OfType("docker:index/remoteImage:RemoteImage"), i => i.Inputs.ContainsKey("build"));
        Assert.All(BackendContainers(run),
            c => Assert.Equal("registry.example.com/realtime/backend:2.0", c.Inputs["image"]));
    }

    [Fact]
    public async Task Stack_outputs_name_the_url_the_backends_and_the_configuration_hash()
    {
        var run = await RunDev();
        var model = StackModel.Bind(StackConfig.FromStackFile("dev"));
        Assert.Equal("https://localhost:8443/", await run.StackOutput<string>("publicUrl"));
        Assert.Equal("docker", await run.StackOutput<string>("mode"));
        Assert.Equal(["localhost"], await run.StackOutput<string[]>("hosts"));
        // Every backend container, by role: both API servers, not the first only.
        var services = await run.StackOutput<Dictionary<string, string[]>>("serviceNames");
        Assert.Equal(["api-1", "api-2"], services["api"]);
        Assert.Equal(["sse-1"], services["sse"]);
        Assert.Equal(["ws-1"], services["ws"]);
        Assert.Equal("", await run.StackOutput<string>("ingressClass"));
        Assert.Equal(Sha256.Of(NginxConfRenderer.Render(model.Edge, NginxLayout.Container)), await run.StackOutput<string>("configHash"));
        // The stack exports exactly the edge's outputs, under the names the component declares.
        Assert.Equal(["configHash", "hosts", "ingressClass", "mode", "publicUrl", "serviceNames"], run.StackOutputs.Keys.Order());
    }

    [Fact]
    public async Task The_generated_key_stays_secret()
    {
        var run = await RunDev();
        var certificate = run.Single<DevCertificate>();
        Assert.True(await Outputs.IsSecret(certificate.PrivateKeyPem));
        Assert.False(await Outputs.IsSecret(certificate.CertificatePem));
        Assert.Contains("PRIVATE KEY", await Outputs.Value(certificate.PrivateKeyPem));
        Assert.Empty(await SecretOutputs.PlaintextKeysAsync(run.Mocks));
    }

    [Fact]
    public async Task A_metrics_exporter_scrapes_nginx_status_through_the_shared_socket_and_is_not_published_by_default()
    {
        var run = await RunDev();
        var exporter = Container(run, "-exporter");
        var image = run.Mocks.OfType("docker:index/remoteImage:RemoteImage").Single(i => i.Name!.EndsWith("-exporter-image", StringComparison.Ordinal));
        Assert.Equal("nginx/nginx-prometheus-exporter:1.5.3", image.Inputs["name"]);

        // It reads the socket nginx listens on, in the one volume both containers mount at the same path: the
        // status has no listener on the edge's network.
        var volume = Assert.Single(run.Mocks.OfType("docker:index/volume:Volume"));
        Assert.Equal("realtime-dev-abc123-status", volume.Inputs["name"]);
        var nginx = Container(run, "-nginx");
        var (nginxMount, exporterMount) = (Mount(nginx), Mount(exporter));
        Assert.Equal(("realtime-dev-abc123-status", "/run/nginx-status"), ((string)nginxMount["volumeName"], (string)nginxMount["containerPath"]));
        Assert.Equal((nginxMount["volumeName"], nginxMount["containerPath"]), (exporterMount["volumeName"], exporterMount["containerPath"]));
        Assert.Equal((false, true), ((bool)nginxMount["readOnly"], (bool)exporterMount["readOnly"]));
        var conf = (string)((ImmutableDictionary<string, object>)Assert.Single(run.Mocks.OfType("command:local:Command")).Inputs["environment"])[ConfigurationReload.ConfigVariable];
        Assert.Contains("listen unix:/run/nginx-status/status.sock;", conf, StringComparison.Ordinal);
        Assert.Contains("listen 127.0.0.1:8089;", conf, StringComparison.Ordinal);
        var command = ((ImmutableArray<object>)exporter.Inputs["command"]).Cast<string>().ToArray();
        Assert.Contains("--nginx.scrape-uri=unix:/run/nginx-status/status.sock:/stub_status", command);
        // nginx starts through the entrypoint that clears a socket a killed nginx left, then the image's own.
        Assert.Equal(["/bin/sh", "-c", "rm -f \"$0\" && exec \"$@\"", "/run/nginx-status/status.sock", "/docker-entrypoint.sh", "nginx", "-g", "daemon off;"],
            ((ImmutableArray<object>)nginx.Inputs["entrypoints"]).Cast<string>());
        Assert.Contains("--web.listen-address=:9113", command);

        Assert.False(exporter.Inputs.TryGetValue("ports", out var ports) && ((ImmutableArray<object>)ports).Length > 0, "the exporter is published although metricsHostPort is 0");
        Assert.Equal("unless-stopped", exporter.Inputs["restart"]);
        Assert.Equal("realtime-dev-abc123-exporter", exporter.Inputs["name"]);
    }

    [Fact]
    public async Task The_exporter_keeps_its_command_when_the_status_port_changes_and_is_published_on_the_host_port_set()
    {
        var run = await RunDev(("realtime:statusPort", "9301"), ("realtime:metricsHostPort", "19113"));
        var exporter = Container(run, "-exporter");
        Assert.Equal(Container(await RunDev(("realtime:metricsHostPort", "19113")), "-exporter").Inputs["command"], exporter.Inputs["command"]);
        var port = Assert.Single(((ImmutableArray<object>)exporter.Inputs["ports"]).Cast<ImmutableDictionary<string, object>>());
        Assert.Equal((9113d, 19113d), ((double)port["internal"], (double)port["external"]));
    }

    [Fact]
    public async Task No_exporter_without_metrics_and_the_nginx_container_stays_the_same()
    {
        var with = await RunDev();
        var without = await RunDev(("realtime:metrics", "false"));
        Assert.DoesNotContain(without.Mocks.OfType("docker:index/container:Container"), c => c.Name!.EndsWith("-exporter", StringComparison.Ordinal));
        Assert.DoesNotContain(without.Mocks.OfType("docker:index/remoteImage:RemoteImage"), i => i.Name!.EndsWith("-exporter-image", StringComparison.Ordinal));
        // Turning metrics on or off never replaces nginx: its alias, the status volume and the entrypoint are there
        // either way.
        foreach (var input in new[] { "networksAdvanced", "volumes", "entrypoints" })
            Assert.Equal(System.Text.Json.JsonSerializer.Serialize(Container(with, "-nginx").Inputs[input]), System.Text.Json.JsonSerializer.Serialize(Container(without, "-nginx").Inputs[input]));
        Assert.Single(without.Mocks.OfType("docker:index/volume:Volume"));
    }

    private static MockResourceArgs Container(PulumiRun run, string suffix) =>
        run.Mocks.OfType("docker:index/container:Container").Single(c => c.Name!.EndsWith(suffix, StringComparison.Ordinal));

    private static ImmutableDictionary<string, object> Mount(MockResourceArgs container) =>
        (ImmutableDictionary<string, object>)Assert.Single((ImmutableArray<object>)container.Inputs["volumes"]);

    private static ImmutableDictionary<string, object> Network(MockResourceArgs container) =>
        (ImmutableDictionary<string, object>)((ImmutableArray<object>)container.Inputs["networksAdvanced"])[0];

    private static IEnumerable<MockResourceArgs> BackendContainers(PulumiRun run) =>
        run.Mocks.OfType("docker:index/container:Container").Where(c => !c.Name!.EndsWith("-nginx", StringComparison.Ordinal) && !c.Name!.EndsWith("-exporter", StringComparison.Ordinal));
}
