using System.Collections.Immutable;
using System.Text.Json;
using Pulumi;
using Pulumi.Random;
using RealtimeStack.Components.Docker;
using RealtimeStack.Components.Kubernetes;
using RealtimeStack.Edge.Deployment;
using RealtimeStack.Edge.Kubernetes;
using RealtimeStack.Edge.Model;

namespace RealtimeStack.Components;

/// <summary>
/// The whole edge for one stack: in docker mode an <see cref="NginxContainerEdge"/>; in kubernetes mode an
/// <see cref="IngressNginxEdge"/>, the three <see cref="Backend"/>s, a <see cref="TlsSecret"/> and the
/// <see cref="RealtimeIngress"/>. Its outputs are what other stacks read through a StackReference.
/// </summary>
public sealed class RealtimeEdge : ComponentResource
{
    [Output("mode")]
    public Output<string> Mode { get; private set; }

    [Output("publicUrl")]
    public Output<string> PublicUrl { get; private set; }

    [Output("hosts")]
    public Output<ImmutableArray<string>> Hosts { get; private set; }

    /// <summary>Role (api, sse, ws) to the name other workloads reach it by: the Service in Kubernetes, the container alias in Docker.</summary>
    [Output("serviceNames")]
    public Output<ImmutableDictionary<string, string>> ServiceNames { get; private set; }

    /// <summary>The dedicated IngressClass; empty in docker mode.</summary>
    [Output("ingressClass")]
    public Output<string> IngressClass { get; private set; }

    /// <summary>SHA-256 of the rendered configuration (nginx.conf, or the controller values and annotations).</summary>
    [Output("configHash")]
    public Output<string> ConfigHash { get; private set; }

    public RealtimeEdge(string name, RealtimeEdgeArgs args, ComponentResourceOptions? options = null)
        : base(ComponentTypes.Edge, name, args, options)
    {
        var edge = args.Model.Edge;
        var deployment = args.Model.Deployment;
        var (certificate, key) = Certificate(name, args);
        Mode = Output.Create(deployment.Mode.ToString().ToLowerInvariant());
        PublicUrl = Output.Create(edge.PublicUrl);
        Hosts = Output.Create(edge.ServerNames.Select(n => n.Value).ToImmutableArray());

        if (deployment.Mode == EdgeMode.Docker)
        {
            // Container and network names are global on a Docker engine; a stable random suffix keeps stacks apart.
            var suffix = new RandomString($"{name}-suffix", new RandomStringArgs { Length = 6, Special = false, Upper = false }, new CustomResourceOptions { Parent = this });
            var container = new NginxContainerEdge($"{name}-docker", new NginxContainerEdgeArgs
            {
                Edge = edge,
                CertificatePem = certificate,
                PrivateKeyPem = key,
                BackendImage = deployment.BackendImage is { } image ? (Input<string>)image : null,
                BuildContext = args.BuildContext,
                BackendSourceHash = args.BackendSourceHash,
                NamePrefix = suffix.Result.Apply(s => $"realtime-{Pulumi.Deployment.Instance.StackName}-{s}"),
            }, new ComponentResourceOptions { Parent = this });
            var aliases = Edge.Docker.ContainerEdgeSettings.For(edge).Backends
                .GroupBy(b => b.Role).ToImmutableDictionary(g => g.Key.ToString().ToLowerInvariant(), g => g.First().Alias);
            ServiceNames = Output.Create(aliases);
            IngressClass = Output.Create("");
            ConfigHash = container.ConfigHash;
        }
        else
        {
            var ns = new Pulumi.Kubernetes.Core.V1.Namespace($"{name}-namespace", new Pulumi.Kubernetes.Types.Inputs.Core.V1.NamespaceArgs
            {
                Metadata = new Pulumi.Kubernetes.Types.Inputs.Meta.V1.ObjectMetaArgs { Name = deployment.Namespace },
            }, new CustomResourceOptions { Parent = this });
            var namespaceName = ns.Metadata.Apply(m => m.Name);
            var controller = new IngressNginxEdge($"{name}-ingress-nginx", new IngressNginxEdgeArgs { Edge = edge, Deployment = deployment }, new ComponentResourceOptions { Parent = this });
            var backends = BackendWorkload.All(edge, deployment).ToDictionary(
                w => w.Role,
                w => new Backend($"{name}-{w.Role.ToString().ToLowerInvariant()}", new BackendArgs { Namespace = namespaceName, Workload = w }, new ComponentResourceOptions { Parent = this }));
            var tls = new TlsSecret($"{name}-tls", new TlsSecretArgs { Namespace = namespaceName, CertificatePem = certificate, PrivateKeyPem = key }, new ComponentResourceOptions { Parent = this });
            _ = new RealtimeIngress($"{name}-ingress", new RealtimeIngressArgs
            {
                Namespace = namespaceName,
                IngressClassName = controller.IngressClass,
                TlsSecretName = tls.SecretName,
                HostNames = edge.ServerNames.Select(n => n.Value).ToArray(),
                Routes = IngressRoute.All(edge, deployment),
            }, new ComponentResourceOptions { Parent = this, DependsOn = { controller } });
            ServiceNames = Output.Tuple(backends[BackendRole.Api].ServiceName, backends[BackendRole.Sse].ServiceName, backends[BackendRole.Ws].ServiceName)
                .Apply(t => ImmutableDictionary<string, string>.Empty.Add("api", t.Item1).Add("sse", t.Item2).Add("ws", t.Item3));
            IngressClass = controller.IngressClass;
            ConfigHash = Output.Create(KubernetesConfigHash(edge, deployment));
        }

        RegisterOutputs(new Dictionary<string, object?>
        {
            ["mode"] = Mode,
            ["publicUrl"] = PublicUrl,
            ["hosts"] = Hosts,
            ["serviceNames"] = ServiceNames,
            ["ingressClass"] = IngressClass,
            ["configHash"] = ConfigHash,
        });
    }

    private (Input<string> Certificate, Input<string> Key) Certificate(string name, RealtimeEdgeArgs args)
    {
        if (args.CertificatePem is not null && args.PrivateKeyPem is not null) return (args.CertificatePem, args.PrivateKeyPem);
        var dnsNames = args.Model.Edge.ServerNames.Where(n => n.FitsCertificate).Select(n => n.Value).Append("localhost").Distinct().ToArray();
        var generated = new DevCertificate($"{name}-certificate", new DevCertificateArgs { DnsNames = dnsNames }, new ComponentResourceOptions { Parent = this });
        return (generated.CertificatePem, generated.PrivateKeyPem);
    }

    private static string KubernetesConfigHash(EdgeSpec edge, DeploymentSpec deployment) =>
        Sha256.Of(JsonSerializer.Serialize(new
        {
            values = ControllerValues.For(edge, deployment),
            routes = IngressRoute.All(edge, deployment).Select(r => new { r.Name, r.Path, r.ServiceName, r.ServicePort, r.Annotations }),
        }));
}
