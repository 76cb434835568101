using System.Collections.Immutable;
using Pulumi;
using Pulumi.Kubernetes.Types.Inputs.Networking.V1;
using RealtimeStack.Edge.Cluster;

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
        var hosts = args.Hosts.ToOutput();
        foreach (var shape in IngressRoute.All(args.Shape.Edge, args.Shape.Deployment))
        {
            var route = args.Model.Apply(m => IngressRoute.All(m.Edge, m.Deployment).Single(r => r.Name == shape.Name));
            var ingress = new Pulumi.Kubernetes.Networking.V1.Ingress($"{name}-{shape.Name}", new IngressArgs
            {
                Metadata = Metadata.Named(route.Apply(r => r.Name), args.Namespace, annotations: route.Map(r => r.Annotations)),
                Spec = new IngressSpecArgs
                {
                    IngressClassName = args.IngressClassName,
                    Tls = new IngressTLSArgs { Hosts = args.Hosts, SecretName = args.TlsSecretName },
                    Rules = Output.Tuple(route, hosts).Apply(t => t.Item2.Select(host => new IngressRuleArgs
                    {
                        Host = host,
                        Http = new HTTPIngressRuleValueArgs
                        {
                            Paths = new HTTPIngressPathArgs
                            {
                                Path = t.Item1.Path,
                                PathType = IngressRoute.PathType,
                                Backend = new IngressBackendArgs
                                {
                                    Service = new IngressServiceBackendArgs
                                    {
                                        Name = t.Item1.ServiceName,
                                        Port = new ServiceBackendPortArgs { Number = t.Item1.ServicePort },
                                    },
                                },
                            },
                        },
                    }).ToImmutableArray()),
                },
            }, child);
            names.Add(ingress.Metadata.Apply(m => m.Name));
        }
        IngressNames = Output.All(names);
        RegisterOutputs(StackOutputs.Of(this));
    }
}
