using Pulumi;
using RealtimeStack.Edge.Cluster;

namespace RealtimeStack.Components.Cluster;

/// <summary>
/// One backend role in Kubernetes: the Deployment, the Service with <c>sessionAffinity: ClientIP</c> and the
/// PodDisruptionBudget the model computes (<see cref="BackendObjects"/>), each a resource under this component's
/// name.
/// </summary>
internal sealed class Backend : ComponentResource
{
    [Output("serviceName")]
    public Output<string> ServiceName { get; private set; }

    [Output("servicePort")]
    public Output<int> ServicePort { get; private set; }

    [Output("deploymentName")]
    public Output<string> DeploymentName { get; private set; }

    public Backend(string name, BackendArgs args, ComponentResourceOptions? options = null)
        : base(ComponentTypes.Backend, name, args, options)
    {
        var child = new CustomResourceOptions { Parent = this };
        var created = BackendObjects.For(args.Shape, "").Select(shape => (shape.Kind, Resource: CustomObjectResources.CreateNamed(name, shape,
            args.Workload.Apply(w => CustomObjectResources.Find(BackendObjects.For(w, ""), shape)), args.Namespace, child))).ToList();
        Output<string> NameOf(string kind) => created.Single(c => c.Kind == kind).Resource.Metadata.Apply(m => m.Name);

        ServiceName = NameOf("Service");
        ServicePort = args.Workload.Apply(w => w.Port);
        DeploymentName = NameOf("Deployment");
        RegisterOutputs(StackOutputs.Of(this));
    }
}
