using System.Collections.Immutable;
using Pulumi;
using RealtimeStack.Edge.IngressNginx;

namespace RealtimeStack.Components.Cluster;

/// <summary>
/// The networking.k8s.io/v1 Ingresses of the edge: one per route (/api/, /sse/, /ws/), all on the dedicated
/// IngressClass, TLS for every host, plain prefixes (no regex, no rewrite), annotations from the model
/// (<see cref="IngressRoute"/>).
/// </summary>
internal sealed class RealtimeIngress : ComponentResource
{
    [Output("ingressNames")]
    public Output<ImmutableArray<string>> IngressNames { get; private set; }

    public RealtimeIngress(string name, RealtimeIngressArgs args, ComponentResourceOptions? options = null)
        : base(ComponentTypes.Ingress, name, args, options)
    {
        var child = new CustomResourceOptions { Parent = this };
        // The TLS Secret's name is generated (known once it exists): only what names it waits for it.
        var objects = Output.Tuple(args.Model, args.TlsSecretName.ToOutput()).Apply(t => IngressRoute.Objects(t.Item1.Edge, t.Item1.Deployment, t.Item2));
        var names = IngressRoute.Objects(args.Shape.Edge, args.Shape.Deployment, "")
            .Select(shape => CustomObjectResources.CreateNamed($"{name}-{shape.Name}", shape, objects.Apply(o => CustomObjectResources.Find(o, shape)), args.Namespace, child)
                .Metadata.Apply(m => m.Name))
            .ToList();
        IngressNames = Output.All(names);
        RegisterOutputs(StackOutputs.Of(this));
    }
}
