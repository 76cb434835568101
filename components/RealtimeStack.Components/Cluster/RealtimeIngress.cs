using System.Collections.Immutable;
using Pulumi;
using Pulumi.Kubernetes.Types.Inputs.Networking.V1;

namespace RealtimeStack.Components.Cluster;

/// <summary>
/// The networking.k8s.io/v1 Ingresses of the edge: one per route (/api/, /sse/, /ws/), all on the dedicated
/// IngressClass, TLS for every host, plain prefixes (no regex, no rewrite), annotations from the model.
/// </summary>
internal sealed class RealtimeIngress : ComponentResource
{
    [Output("ingressNames")]
    public Output<ImmutableArray<string>> IngressNames { get; private set; }

    public RealtimeIngress(string name, RealtimeIngressArgs args, ComponentResourceOptions? options = null)
        : base(ComponentTypes.Ingress, name, args, options)
    {
        var child = new CustomResourceOptions { Parent = this };
        var names = new List<Output<string>>();
        foreach (var route in args.Routes)
        {
            var ingress = new Pulumi.Kubernetes.Networking.V1.Ingress($"{name}-{route.Name}", new IngressArgs
            {
                Metadata = Metadata.Named(route.Name, args.Namespace, annotations: route.Annotations),
                Spec = new IngressSpecArgs
                {
                    IngressClassName = args.IngressClassName,
                    Tls = new IngressTLSArgs { Hosts = args.Hosts, SecretName = args.TlsSecretName },
                    Rules = args.HostNames.Select(host => new IngressRuleArgs
                    {
                        Host = host,
                        Http = new HTTPIngressRuleValueArgs
                        {
                            Paths = new HTTPIngressPathArgs
                            {
                                Path = route.Path,
                                PathType = Edge.Cluster.IngressRoute.PathType,
                                Backend = new IngressBackendArgs
                                {
                                    Service = new IngressServiceBackendArgs
                                    {
                                        Name = route.ServiceName,
                                        Port = new ServiceBackendPortArgs { Number = route.ServicePort },
                                    },
                                },
                            },
                        },
                    }).ToArray(),
                },
            }, child);
            names.Add(ingress.Metadata.Apply(m => m.Name));
        }
        IngressNames = Output.All(names);
        RegisterOutputs(StackOutputs.Of(this));
    }
}
