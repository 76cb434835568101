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
        // The namespace comes from args.Namespace (the namespace resource's output): the objects' own is not used.
        IReadOnlyList<(CustomObject Shape, KubernetesObject Resource)> created = BackendObjects.For(args.Shape, "").Select(shape => (shape, CustomObjectResources.CreateNamed(name, shape,
            args.Workload.Apply(w => CustomObjectResources.Find(BackendObjects.For(w, ""), shape)), args.Namespace, child))).ToList();

        ServiceName = created.NameOf("Service");
        ServicePort = args.Workload.Apply(w => w.Port);
        DeploymentName = created.NameOf("Deployment");
        RegisterOutputs(StackOutputs.Of(this));
    }
}
