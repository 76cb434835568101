using System.Globalization;
using Pulumi;
using Pulumi.Docker;
using Pulumi.Docker.Inputs;
using RealtimeStack.Edge.Docker;
using RealtimeStack.Edge.Nginx;

namespace RealtimeStack.Components.Docker;

/// <summary>
/// The edge as Docker containers: a network; the api, sse and ws backend containers named as nginx.conf names
/// them; and the nginx container (image pinned to the rendered version) carrying the rendered nginx.conf, the
/// certificate and the key as uploaded files, a nofile ulimit that fits worker_rlimit_nofile, a health check and
/// a stop grace that lets streams drain.
/// </summary>
public sealed class NginxContainerEdge : ComponentResource
{
    [Output("publicUrl")]
    public Output<string> PublicUrl { get; private set; }

    [Output("configHash")]
    public Output<string> ConfigHash { get; private set; }

    [Output("nginxContainerName")]
    public Output<string> NginxContainerName { get; private set; }

    [Output("networkName")]
    public Output<string> NetworkName { get; private set; }

    public NginxContainerEdge(string name, NginxContainerEdgeArgs args, ComponentResourceOptions? options = null)
        : base(ComponentTypes.NginxContainerEdge, name, args, options)
    {
        var edge = args.Edge;
        var settings = ContainerEdgeSettings.For(edge);
        var nginxConf = NginxConfRenderer.Render(edge, NginxLayout.Container);
        var child = new CustomResourceOptions { Parent = this };

        var network = new Network($"{name}-network", new NetworkArgs { Name = Named(args, "net") }, child);

        var backendImage = args.BackendImage ?? new RemoteImage($"{name}-backend-image", new RemoteImageArgs
        {
            Name = SampleBackendsImage.Tag,
            KeepLocally = true,
            Build = new RemoteImageBuildArgs
            {
                Context = args.BuildContext ?? throw new ArgumentException("BuildContext is required when BackendImage is not set", nameof(args)),
                Dockerfile = SampleBackendsImage.Dockerfile,
            },
            Triggers = args.BackendSourceHash is null ? new InputMap<string>() : new InputMap<string> { ["sources"] = args.BackendSourceHash },
        }, child).ImageId;

        var backends = settings.Backends.Select(backend => new Container($"{name}-{backend.Alias}", new ContainerArgs
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
        }, child)).ToList();

        var nginxImage = new RemoteImage($"{name}-nginx-image", new RemoteImageArgs { Name = settings.NginxImage, KeepLocally = true }, child);
        var nginx = new Container($"{name}-nginx", new ContainerArgs
        {
            Name = Named(args, "nginx"),
            Image = nginxImage.ImageId,
            Ports =
            {
                new ContainerPortArgs { Internal = settings.HttpPort, External = settings.HttpPort },
                new ContainerPortArgs { Internal = settings.HttpsPort, External = settings.HttpsPort },
            },
            Uploads =
            {
                new ContainerUploadArgs { File = ContainerEdgeSettings.ConfigPath, Content = nginxConf },
                new ContainerUploadArgs { File = ContainerEdgeSettings.CertificatePath, Content = args.CertificatePem },
                new ContainerUploadArgs { File = ContainerEdgeSettings.PrivateKeyPath, Content = Output.CreateSecret(args.PrivateKeyPem.ToOutput()) },
            },
            Ulimits = new ContainerUlimitArgs { Name = "nofile", Soft = settings.NofileLimit, Hard = settings.NofileLimit },
            Healthcheck = new ContainerHealthcheckArgs
            {
                Tests = settings.HealthCheck.ToArray(),
                Interval = "10s",
                Timeout = "3s",
                Retries = 3,
            },
            Restart = ContainerEdgeSettings.RestartPolicy,
            DestroyGraceSeconds = settings.StopGraceSeconds,
            NetworksAdvanced = new ContainerNetworksAdvancedArgs { Name = network.Name },
        }, new CustomResourceOptions
        {
            Parent = this,
            // nginx resolves upstream names when it starts: the backends must exist first.
            DependsOn = backends.Cast<Resource>().ToList(),
        });

        PublicUrl = Output.Create(edge.PublicUrl);
        ConfigHash = Output.Create(Sha256.Of(nginxConf));
        NginxContainerName = nginx.Name;
        NetworkName = network.Name;
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["publicUrl"] = PublicUrl,
            ["configHash"] = ConfigHash,
            ["nginxContainerName"] = NginxContainerName,
            ["networkName"] = NetworkName,
        });
    }

    private static Output<string> Named(NginxContainerEdgeArgs args, string suffix) =>
        args.NamePrefix.ToOutput().Apply(prefix => $"{prefix}-{suffix}");
}
