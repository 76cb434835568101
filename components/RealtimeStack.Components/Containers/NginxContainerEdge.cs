using System.Collections.Immutable;
using System.Globalization;
using Pulumi;
using Pulumi.Docker;
using Pulumi.Docker.Inputs;
using RealtimeStack.Edge.Docker;
using RealtimeStack.Edge.Nginx;

namespace RealtimeStack.Components.Containers;

/// <summary>
/// The edge as Docker containers: a network and the volume of nginx's status socket; the api, sse and ws backend containers named as nginx.conf names
/// them; the nginx container (image pinned to the rendered version) with a nofile ulimit that fits
/// worker_rlimit_nofile, a net.core.somaxconn that lets the kernel keep nginx's listen backlog, a health check and a
/// stop grace that lets streams drain; and the command that puts the rendered nginx.conf, certificate and key into
/// it and reloads nginx (<see cref="ConfigurationReload"/>).
/// </summary>
internal sealed class NginxContainerEdge : ComponentResource
{
    [Output("nginxContainerName")]
    public Output<string> NginxContainerName { get; private set; }

    [Output("networkName")]
    public Output<string> NetworkName { get; private set; }

    /// <summary>The local tag of a backend image built from <see cref="NginxContainerEdgeArgs.Build"/>.</summary>
    public const string BuiltBackendTag = "realtime-backends:local";

    public NginxContainerEdge(string name, NginxContainerEdgeArgs args, ComponentResourceOptions? options = null)
        : base(ComponentTypes.NginxContainerEdge, name, args, options)
    {
        // Which containers exist comes from the plain inputs; what they hold from the model.
        var shape = ContainerEdgeSettings.For(args.Shape);
        var settings = args.Model.Apply(m => ContainerEdgeSettings.For(m.Edge));
        var nginxConf = args.Model.Apply(m => NginxConfRenderer.Render(m.Edge, NginxLayout.Container));
        var child = new CustomResourceOptions { Parent = this };

        // The network and the containers have fixed names (and the containers fixed host ports): the old one must
        // go before its replacement is created, or the two collide.
        var replaceFirst = new CustomResourceOptions { Parent = this, DeleteBeforeReplace = true };
        var network = new Network($"{name}-network", new NetworkArgs { Name = Named(args, "net") }, replaceFirst);
        // Where nginx's status socket lives, shared with the metrics exporter: the status needs no network listener.
        var statusVolume = new Volume($"{name}-status", new VolumeArgs { Name = Named(args, "status") }, replaceFirst);

        var build = args.Build;
        var backendImage = args.BackendImage ?? (build is null
            ? throw new InvalidOperationException("the inputs' validation lets no docker edge through without backendImage or backendBuild")
            : new RemoteImage($"{name}-backend-image", new RemoteImageArgs
            {
                Name = BuiltBackendTag,
                KeepLocally = true,
                Build = new RemoteImageBuildArgs { Context = build.Context, Dockerfile = build.Dockerfile },
                Triggers = build.SourceHash is null ? new InputMap<string>() : new InputMap<string> { ["sources"] = build.SourceHash },
            }, child).ImageId);

        var backends = shape.Backends.Select(backend => new Container($"{name}-{backend.Alias}", new ContainerArgs
        {
            Name = Named(args, backend.Alias),
            Image = backendImage,
            Envs =
            {
                $"PORT={backend.Port.ToString(CultureInfo.InvariantCulture)}",
                $"INSTANCE_ID={backend.InstanceId}",
                "BIND=0.0.0.0",
            },
            NetworksAdvanced = new ContainerNetworksAdvancedArgs { Name = network.Name, Aliases = { backend.Alias } },
            Restart = ContainerEdgeSettings.RestartPolicy,
        }, replaceFirst)).ToList();

        // Only what Docker cannot change on a running container is an input of the nginx container (its
        // ContainerIdentity): nginx.conf, certificate and key arrive by reload, so changing them keeps open streams.
        var nginxImage = new RemoteImage($"{name}-nginx-image", new RemoteImageArgs { Name = settings.Apply(s => s.NginxImage), KeepLocally = true }, child);
        var nginx = new Container($"{name}-nginx", new ContainerArgs
        {
            Name = Named(args, "nginx"),
            Image = nginxImage.ImageId,
            Ports =
            {
                new ContainerPortArgs { Internal = settings.Apply(s => s.HttpPort), External = settings.Apply(s => s.HttpPort) },
                new ContainerPortArgs { Internal = settings.Apply(s => s.HttpsPort), External = settings.Apply(s => s.HttpsPort) },
            },
            Ulimits = new ContainerUlimitArgs { Name = "nofile", Soft = settings.Apply(s => s.NofileLimit), Hard = settings.Apply(s => s.NofileLimit) },
            // Per network namespace: the container's own, the host's is untouched.
            Sysctls = { [ContainerEdgeSettings.SomaxconnSysctl] = settings.Apply(s => s.Somaxconn.ToString(CultureInfo.InvariantCulture)) },
            Healthcheck = new ContainerHealthcheckArgs
            {
                Tests = settings.Apply(s => s.HealthCheck.ToImmutableArray()),
                Interval = "10s",
                Timeout = "3s",
                Retries = 3,
            },
            Restart = ContainerEdgeSettings.RestartPolicy,
            // The official image stops with SIGQUIT (graceful); Docker kills after this many seconds.
            DestroyGraceSeconds = settings.Apply(s => s.StopGraceSeconds),
            NetworksAdvanced = new ContainerNetworksAdvancedArgs { Name = network.Name, Aliases = { ContainerEdgeSettings.NginxAlias } },
            // The status socket's volume and the entrypoint that clears a stale socket are there whether or not
            // metrics are on, so turning them on or off never touches this container.
            Entrypoints = ContainerEdgeSettings.Entrypoint.ToImmutableArray(),
            Volumes = { StatusVolumeMount(statusVolume, readOnly: false) },
        }, new CustomResourceOptions
        {
            Parent = this,
            DeleteBeforeReplace = true,
            // nginx before 1.27.3 resolves upstream names when it loads: the backends must exist first.
            DependsOn = backends.Cast<Resource>().ToList(),
        });

        if (MetricsExporter.Exists(args.Shape)) _ = Exporter(name, args, network, statusVolume, replaceFirst);

        var environment = new InputMap<string>
        {
            [ConfigurationReload.ConfigVariable] = nginxConf,
            [ConfigurationReload.CertificateVariable] = args.CertificatePem,
            [ConfigurationReload.KeyVariable] = Output.CreateSecret(args.PrivateKeyPem.ToOutput()),
            [ConfigurationReload.ContainerVariable] = nginx.Name,
            [ConfigurationReload.ScriptVariable] = ConfigurationReload.ContainerScript,
            // A new nginx container starts from the image's configuration: it gets ours again.
            ["NGINX_CONTAINER_ID"] = nginx.Id,
        };
        // Without upstream resolve nginx keeps the addresses it resolved at load: a replaced backend needs a reload.
        // With it (nginx 1.27.3 and later) nginx follows the names, and the ids are left out.
        environment.Add("BACKEND_CONTAINER_IDS", Output.Tuple(args.Model, Output.All(backends.Select(b => b.Id)))
            .Apply(t => t.Item1.Edge.NginxVersion.HasUpstreamResolve ? "" : string.Join(",", t.Item2)));
        _ = new Pulumi.Command.Local.Command($"{name}-nginx-config", new Pulumi.Command.Local.CommandArgs
        {
            Create = ConfigurationReload.DockerHostScript,
            Update = ConfigurationReload.DockerHostScript,
            Interpreter = { "/bin/sh", "-c" },
            Environment = environment,
        }, child);

        NginxContainerName = nginx.Name;
        NetworkName = network.Name;
        RegisterOutputs(StackOutputs.Of(this));
    }

    /// <summary>
    /// nginx-prometheus-exporter on the edge's network, scraping nginx through the status socket in the shared volume
    /// (mounted read-only: connecting to a socket needs no write access to its file system). It depends on nothing
    /// of the nginx container, so replacing one never touches the other; it retries while nginx is away.
    /// </summary>
    private Container Exporter(string name, NginxContainerEdgeArgs args, Network network, Volume statusVolume, CustomResourceOptions replaceFirst)
    {
        var exporter = args.Model.Apply(m => MetricsExporter.For(m.Edge, m.Deployment)
            ?? throw new InvalidOperationException("metrics are a plain input: the exporter exists in the model as in its shape"));
        var image = new RemoteImage($"{name}-exporter-image", new RemoteImageArgs { Name = exporter.Apply(e => e.Image), KeepLocally = true }, new CustomResourceOptions { Parent = this });
        return new Container($"{name}-exporter", new ContainerArgs
        {
            Name = Named(args, "exporter"),
            Image = image.ImageId,
            Command = MetricsExporter.Command.ToImmutableArray(),
            NetworksAdvanced = new ContainerNetworksAdvancedArgs { Name = network.Name, Aliases = { MetricsExporter.Alias } },
            Volumes = { StatusVolumeMount(statusVolume, readOnly: true) },
            Restart = ContainerEdgeSettings.RestartPolicy,
            // Published on the host only when asked for (port 0: not published).
            Ports = exporter.Apply(e => e.HostPort > 0
                ? ImmutableArray.Create(new ContainerPortArgs { Internal = MetricsExporter.ListenPort, External = e.HostPort })
                : ImmutableArray<ContainerPortArgs>.Empty),
        }, replaceFirst);
    }

    private static ContainerVolumeArgs StatusVolumeMount(Volume volume, bool readOnly) => new()
    {
        VolumeName = volume.Name,
        ContainerPath = StatusSocket.Container.Directory,
        ReadOnly = readOnly,
    };

    private static Output<string> Named(NginxContainerEdgeArgs args, string suffix) =>
        args.NamePrefix.ToOutput().Apply(prefix => $"{prefix}-{suffix}");
}
