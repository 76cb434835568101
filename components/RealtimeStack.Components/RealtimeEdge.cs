using System.ComponentModel;
using Pulumi;
using Pulumi.Random;
using RealtimeStack.Components.Cluster;
using RealtimeStack.Components.Containers;
using RealtimeStack.Components.GatewayApi;
using RealtimeStack.Edge.Cluster;
using RealtimeStack.Edge.Containers;
using RealtimeStack.Edge.Hosting;

namespace RealtimeStack.Components;

/// <summary>
/// The whole edge for one stack: in docker mode an nginx container in front of backend containers; in kubernetes
/// mode an ingress-nginx release, the api, sse and ws backends, a TLS Secret and the Ingresses; in gateway mode
/// Envoy Gateway with a Gateway, HTTPRoutes and policies in front of the same backends and TLS Secret. The inputs are
/// validated by the core's model before anything is created; its outputs are what other stacks read.
/// </summary>
[Description("An SSE and WebSocket edge: an nginx container (docker mode), ingress-nginx (kubernetes mode) or Envoy Gateway (gateway mode), with the api, sse and ws backends, TLS and the configuration computed from one validated model.")]
public sealed class RealtimeEdge : ComponentResource
{
    [Output("mode")]
    [Description("Where the edge runs: docker, kubernetes or gateway.")]
    public Output<string> Mode { get; private set; }

    [Output("publicUrl")]
    [Description("The public HTTPS base URL, with the port when it is not 443.")]
    public Output<string> PublicUrl { get; private set; }

    [Output("hosts")]
    [Description("The server names the edge answers for, primary first.")]
    public Output<string[]> Hosts { get; private set; }

    [Output("serviceNames")]
    [Description("Role (api, sse, ws) to the names other workloads reach it by: the Service in kubernetes mode, every backend container's network alias in docker mode.")]
    public Output<Dictionary<string, string[]>> ServiceNames { get; private set; }

    [Output("ingressClass")]
    [Description("The dedicated IngressClass in kubernetes mode, the GatewayClass in gateway mode; empty in docker mode.")]
    public Output<string> IngressClass { get; private set; }

    [Output("configHash")]
    [Description("SHA-256 of the rendered configuration (nginx.conf; the controller values and annotations; or the chart values and Gateway API objects): compare it to detect drift.")]
    public Output<string> ConfigHash { get; private set; }

    public RealtimeEdge(string name, RealtimeEdgeArgs args, ComponentResourceOptions? options = null)
        : base(ComponentTypes.Edge, name, args, WithFormerType(options))
    {
        var model = EdgeInputs.Model(args, this);
        // Children are created from the validated model, so a bad input creates nothing.
        var built = model.Apply(m => m.Deployment.Mode == EdgeMode.Docker ? BuildDocker(name, m, args) : BuildCluster(name, m, args));
        Mode = model.Apply(m => m.Deployment.Mode.ToString().ToLowerInvariant());
        PublicUrl = model.Apply(m => m.Edge.PublicUrl);
        Hosts = model.Apply(m => m.Edge.ServerNames.Select(n => n.Value).ToArray());
        ServiceNames = built.Apply(b => b.ServiceNames);
        IngressClass = built.Apply(b => b.IngressClass);
        ConfigHash = model.Apply(m => Sha256.Of(RenderedConfiguration.Of(m)));
        RegisterOutputs(StackOutputs.Of(this));
    }

    private sealed record Built(Dictionary<string, string[]> ServiceNames, string IngressClass);

    private Output<Built> BuildDocker(string name, StackModel model, RealtimeEdgeArgs args)
    {
        var edge = model.Edge;
        var (certificate, key) = Certificate(name, model, args);
        // Container and network names are global on a Docker engine; a stable random suffix keeps stacks apart.
        var suffix = new RandomString($"{name}-suffix", new RandomStringArgs { Length = 6, Special = false, Upper = false }, new CustomResourceOptions { Parent = this });
        _ = new NginxContainerEdge($"{name}-docker", new NginxContainerEdgeArgs
        {
            Edge = edge,
            CertificatePem = certificate,
            PrivateKeyPem = key,
            BackendImage = model.Deployment.BackendImage is { } image ? (Input<string>)image : null,
            Build = args.BackendBuild,
            Exporter = MetricsExporter.For(edge, model.Deployment),
            NamePrefix = suffix.Result.Apply(s => $"realtime-{Deployment.Instance.StackName}-{s}"),
        }, new ComponentResourceOptions { Parent = this });
        var aliases = ContainerEdgeSettings.For(edge).Backends
            .GroupBy(b => b.Role)
            .ToDictionary(g => Role(g.Key), g => g.Select(b => b.Alias).ToArray());
        return Output.Create(new Built(aliases, ""));
    }

    /// <summary>Kubernetes and gateway mode: the same namespace, backends and TLS Secret, in front of them
    /// ingress-nginx with Ingresses, or Envoy Gateway with a Gateway and HTTPRoutes.</summary>
    private Output<Built> BuildCluster(string name, StackModel model, RealtimeEdgeArgs args)
    {
        var (edge, deployment) = (model.Edge, model.Deployment);
        var (certificate, key) = Certificate(name, model, args);
        var ns = new Pulumi.Kubernetes.Core.V1.Namespace($"{name}-namespace", new Pulumi.Kubernetes.Types.Inputs.Core.V1.NamespaceArgs
        {
            Metadata = new Pulumi.Kubernetes.Types.Inputs.Meta.V1.ObjectMetaArgs { Name = deployment.Namespace },
        }, new CustomResourceOptions { Parent = this });
        var namespaceName = ns.Metadata.Apply(m => m.Name);
        var backends = BackendWorkload.All(edge, deployment).Select(w => (w.Role,
            Backend: new Backend($"{name}-{Role(w.Role)}", new BackendArgs { Namespace = namespaceName, Workload = w }, new ComponentResourceOptions { Parent = this }))).ToArray();
        var tls = new TlsSecret($"{name}-tls", new TlsSecretArgs { Namespace = namespaceName, CertificatePem = certificate, PrivateKeyPem = key }, new ComponentResourceOptions { Parent = this });
        var edgeClass = deployment.Mode == EdgeMode.Gateway
            ? BuildGateway(name, model, namespaceName, tls)
            : BuildIngress(name, model, namespaceName, tls);
        return Output.Tuple(Output.All(backends.Select(b => b.Backend.ServiceName)), edgeClass).Apply(t => new Built(
            backends.Zip(t.Item1).ToDictionary(p => Role(p.First.Role), p => new[] { p.Second }),
            t.Item2));
    }

    /// <summary>ingress-nginx and one Ingress per route; the IngressClass name.</summary>
    private Output<string> BuildIngress(string name, StackModel model, Output<string> namespaceName, TlsSecret tls)
    {
        var (edge, deployment) = (model.Edge, model.Deployment);
        var controller = new IngressNginxEdge($"{name}-ingress-nginx", new IngressNginxEdgeArgs { Edge = edge, Deployment = deployment }, new ComponentResourceOptions { Parent = this });
        _ = new RealtimeIngress($"{name}-ingress", new RealtimeIngressArgs
        {
            Namespace = namespaceName,
            IngressClassName = controller.IngressClass,
            TlsSecretName = tls.SecretName,
            HostNames = edge.ServerNames.Select(n => n.Value).ToArray(),
            Routes = IngressRoute.All(edge, deployment),
        }, new ComponentResourceOptions { Parent = this, DependsOn = { controller } });
        return controller.IngressClass;
    }

    /// <summary>Envoy Gateway and the Gateway with its routes and policies; the GatewayClass name.</summary>
    private Output<string> BuildGateway(string name, StackModel model, Output<string> namespaceName, TlsSecret tls)
    {
        var controller = new EnvoyGatewayEdge($"{name}-envoy-gateway", new EnvoyGatewayEdgeArgs { Edge = model.Edge, Deployment = model.Deployment }, new ComponentResourceOptions { Parent = this });
        _ = new RealtimeGateway($"{name}-gateway", new RealtimeGatewayArgs
        {
            Namespace = namespaceName,
            TlsSecretName = tls.SecretName,
            Edge = model.Edge,
            Deployment = model.Deployment,
        }, new ComponentResourceOptions { Parent = this, DependsOn = { controller } });
        return controller.GatewayClass;
    }

    private (Input<string> Certificate, Input<string> Key) Certificate(string name, StackModel model, RealtimeEdgeArgs args)
    {
        if (args.Tls is { CertificatePem: { } certificate, PrivateKeyPem: { } key }) return (certificate, key);
        var dnsNames = model.Edge.ServerNames.Where(n => n.FitsCertificate).Select(n => n.Value).Append("localhost").Distinct().ToArray();
        var generated = new DevCertificate($"{name}-certificate", new DevCertificateArgs { DnsNames = dnsNames }, new ComponentResourceOptions { Parent = this });
        return (generated.CertificatePem, generated.PrivateKeyPem);
    }

    private static string Role(BackendRole role) => role.ToString().ToLowerInvariant();

    // The component's type token follows the package schema (realtime:index:…); stacks made before keep their
    // resources through this alias, which their children inherit.
    private static ComponentResourceOptions WithFormerType(ComponentResourceOptions? options) =>
        ComponentResourceOptions.Merge(options, new ComponentResourceOptions { Aliases = { new Alias { Type = ComponentTypes.FormerEdge } } });
}
