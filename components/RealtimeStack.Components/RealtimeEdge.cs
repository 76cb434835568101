using System.Collections.Immutable;
using System.ComponentModel;
using Pulumi;
using Pulumi.Random;
using RealtimeStack.Components.Cluster;
using RealtimeStack.Components.Containers;
using RealtimeStack.Components.GatewayApi;
using RealtimeStack.Edge.Cluster;
using RealtimeStack.Edge.Configuration;
using RealtimeStack.Edge.Docker;
using RealtimeStack.Edge.Model;
using RealtimeStack.Edge.Rendering;

namespace RealtimeStack.Components;

/// <summary>
/// The whole edge for one stack: in docker mode an nginx container in front of backend containers; in kubernetes
/// mode an ingress-nginx release, the api, sse and ws backends, a TLS Secret and the Ingresses; in gateway mode
/// Envoy Gateway with a Gateway, HTTPRoutes and policies in front of the same backends and TLS Secret.
/// Which children exist is decided in the constructor from the plain inputs (<see cref="ResourceShape"/>), so a
/// preview shows them all whatever is still unknown; every value they hold comes from the validated model as an
/// Output, and every child waits for the validation, so bad input creates nothing.
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
    [Description("SHA-256 of the rendered configuration (nginx.conf; or the charts' values and every Kubernetes object, as edge render prints them): compare it to detect drift.")]
    public Output<string> ConfigHash { get; private set; }

    public RealtimeEdge(string name, RealtimeEdgeArgs args, ComponentResourceOptions? options = null)
        : this(name, args, EdgeInputs.Of(args), options)
    {
    }

    // The inputs are read (and the plain ones validated) before the component registers: a bad one registers nothing.
    private RealtimeEdge(string name, RealtimeEdgeArgs args, EdgeInputs inputs, ComponentResourceOptions? options)
        : base(ComponentTypes.Edge, name, args, WithFormerType(options))
    {
        foreach (var warning in inputs.Warnings) Log.Warn(warning.ToString(), this);
        var check = inputs.Check(this);
        var edge = new EdgeParts(this, name, inputs.Shape, inputs.Model(check), check.Apply(_ => ImmutableArray<Resource>.Empty));
        var shape = inputs.Shape.Deployment;
        var certificate = Certificate(edge, args);
        var (serviceNames, controller) = shape.Mode == EdgeMode.Docker ? BuildDocker(edge, certificate, args) : BuildCluster(edge, certificate);

        Mode = Output.Create(shape.Mode.ToString().ToLowerInvariant());
        PublicUrl = inputs.Known(check, m => m.Edge.PublicUrl, EdgeConfigKeys.Domain, EdgeConfigKeys.HttpsPort);
        Hosts = inputs.Known(check, m => m.Edge.ServerNames.Select(n => n.Value).ToArray(), EdgeConfigKeys.Domain, EdgeConfigKeys.Aliases);
        // Known in a preview (from plain inputs, or once their inputs are), and ready once what they name is.
        ServiceNames = serviceNames;
        var ingressClass = shape.Mode switch
        {
            EdgeMode.Docker => Output.Create(""),
            EdgeMode.Gateway => Output.Create(shape.GatewayClass),
            _ => inputs.Known(check, m => m.Deployment.IngressClass, DeploymentConfigKeys.IngressClass),
        };
        IngressClass = Output.Tuple(controller.Urn, ingressClass).Apply(t => t.Item2);
        ConfigHash = edge.Model.Apply(m => Sha256.Of(RenderedConfiguration.Of(m)));
        RegisterOutputs(StackOutputs.Of(this));
    }

    /// <summary>Docker mode: the containers; the backends' aliases by role, and the component that holds them.</summary>
    private static (Output<Dictionary<string, string[]>> ServiceNames, Resource Edge) BuildDocker(EdgeParts edge, (Input<string> Certificate, Input<string> Key) tls, RealtimeEdgeArgs args)
    {
        // Container and network names are global on a Docker engine; a stable random suffix keeps stacks apart.
        var suffix = new RandomString($"{edge.Name}-suffix", new RandomStringArgs { Length = 6, Special = false, Upper = false }, edge.Child());
        var docker = new NginxContainerEdge($"{edge.Name}-docker", new NginxContainerEdgeArgs
        {
            Shape = edge.Shape.Edge,
            Model = edge.Model,
            CertificatePem = tls.Certificate,
            PrivateKeyPem = tls.Key,
            // Given (its value perhaps unknown yet), or built; the plain inputs' model knows which.
            BackendImage = edge.Shape.Deployment.BackendImage is null ? null : (Input<string>)edge.Model.Apply(m => m.Deployment.BackendImage!),
            Build = args.BackendBuild,
            NamePrefix = suffix.Result.Apply(s => $"realtime-{Deployment.Instance.StackName}-{s}"),
        }, edge.ChildComponent());
        // The aliases are the plain server lists: known in every preview.
        var aliases = ContainerEdgeSettings.For(edge.Shape.Edge).Backends
            .GroupBy(b => b.Role)
            .ToDictionary(g => Role(g.Key), g => g.Select(b => b.Alias).ToArray());
        return (docker.Urn.Apply(_ => aliases), docker);
    }

    /// <summary>Kubernetes and gateway mode: the same namespace, backends and TLS Secret, in front of them
    /// ingress-nginx with Ingresses, or Envoy Gateway with a Gateway and HTTPRoutes; the Services' names by role,
    /// and the controller.</summary>
    private static (Output<Dictionary<string, string[]>> ServiceNames, Resource Controller) BuildCluster(EdgeParts edge, (Input<string> Certificate, Input<string> Key) certificate)
    {
        var namespaceName = CustomObjectResources.Namespace($"{edge.Name}-namespace", edge.Model.Apply(m => m.Deployment.Namespace), edge.Child());
        var backends = BackendWorkload.All(edge.Shape.Deployment).Select(w => (w.Role, w.Name,
            Backend: new Backend($"{edge.Name}-{Role(w.Role)}", new BackendArgs
            {
                Namespace = namespaceName,
                Shape = w,
                Workload = edge.Model.Apply(m => BackendWorkload.For(w.Role, m.Deployment)),
            }, edge.ChildComponent()))).ToArray();
        var tls = new TlsSecret($"{edge.Name}-tls", new TlsSecretArgs { Namespace = namespaceName, CertificatePem = certificate.Certificate, PrivateKeyPem = certificate.Key }, edge.ChildComponent());
        var controller = edge.Shape.Deployment.Mode == EdgeMode.Gateway ? BuildGateway(edge, namespaceName, tls) : BuildIngress(edge, namespaceName, tls);
        // The Services' names are the roles' (known in every preview); they are ready once their backend is.
        var serviceNames = Output.All(backends.Select(b => b.Backend.Urn.Apply(_ => (Role: Role(b.Role), b.Name))))
            .Apply(pairs => pairs.ToDictionary(p => p.Role, p => new[] { p.Name }));
        return (serviceNames, controller);
    }

    /// <summary>ingress-nginx and one Ingress per route; the controller.</summary>
    private static Resource BuildIngress(EdgeParts edge, Output<string> namespaceName, TlsSecret tls)
    {
        var controller = new IngressNginxEdge($"{edge.Name}-ingress-nginx", new IngressNginxEdgeArgs { Shape = edge.Shape, Model = edge.Model }, edge.ChildComponent());
        _ = new RealtimeIngress($"{edge.Name}-ingress", new RealtimeIngressArgs
        {
            Namespace = namespaceName,
            TlsSecretName = tls.SecretName,
            Shape = edge.Shape,
            Model = edge.Model,
        }, edge.ChildComponent(controller));
        return controller;
    }

    /// <summary>Envoy Gateway and the Gateway with its routes and policies; the controller.</summary>
    private static Resource BuildGateway(EdgeParts edge, Output<string> namespaceName, TlsSecret tls)
    {
        var controller = new EnvoyGatewayEdge($"{edge.Name}-envoy-gateway", new EnvoyGatewayEdgeArgs { Shape = edge.Shape, Model = edge.Model }, edge.ChildComponent());
        _ = new RealtimeGateway($"{edge.Name}-gateway", new RealtimeGatewayArgs
        {
            Namespace = namespaceName,
            TlsSecretName = tls.SecretName,
            Shape = edge.Shape,
            Model = edge.Model,
        }, edge.ChildComponent(controller));
        return controller;
    }

    /// <summary>The given certificate and key (their values may be unknown yet), or a self-signed pair for the edge's names.</summary>
    private static (Input<string> Certificate, Input<string> Key) Certificate(EdgeParts edge, RealtimeEdgeArgs args)
    {
        if (args.Tls is { CertificatePem: { } certificate, PrivateKeyPem: { } key }) return (certificate, key);
        var dnsNames = edge.Model.Apply(m => m.Edge.SelfSignedNames.ToImmutableArray());
        var generated = new DevCertificate($"{edge.Name}-certificate", new DevCertificateArgs { DnsNames = dnsNames }, edge.ChildComponent());
        return (generated.CertificatePem, generated.PrivateKeyPem);
    }

    private static string Role(BackendRole role) => role.ToString().ToLowerInvariant();

    // The component's type token follows the package schema (realtime:index:…); stacks made before keep their
    // resources through this alias, which their children inherit.
    private static ComponentResourceOptions WithFormerType(ComponentResourceOptions? options) =>
        ComponentResourceOptions.Merge(options, new ComponentResourceOptions { Aliases = { new Alias { Type = ComponentTypes.FormerEdge } } });
}
