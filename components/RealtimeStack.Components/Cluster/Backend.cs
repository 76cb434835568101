using Pulumi;
using Pulumi.Kubernetes.Types.Inputs.Apps.V1;
using Pulumi.Kubernetes.Types.Inputs.Core.V1;
using Pulumi.Kubernetes.Types.Inputs.Meta.V1;
using Pulumi.Kubernetes.Types.Inputs.Policy.V1;
using RealtimeStack.Edge.Cluster;

namespace RealtimeStack.Components.Cluster;

/// <summary>
/// One backend role in Kubernetes: a Deployment that drains on rollout (preStop pause, grace period), a Service
/// with <c>sessionAffinity: ClientIP</c>, and a PodDisruptionBudget. Every number comes from the model.
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
        var w = args.Workload;
        var child = new CustomResourceOptions { Parent = this };
        var labels = w.Map(x => x.Labels);
        var selector = new LabelSelectorArgs { MatchLabels = labels };
        var metadata = Metadata.Named(w.Apply(x => x.Name), args.Namespace, labels);

        var deployment = new Pulumi.Kubernetes.Apps.V1.Deployment(name, new DeploymentArgs
        {
            Metadata = metadata,
            Spec = new DeploymentSpecArgs
            {
                Replicas = w.Apply(x => x.Replicas),
                Selector = selector,
                Strategy = new DeploymentStrategyArgs
                {
                    Type = "RollingUpdate",
                    RollingUpdate = new RollingUpdateDeploymentArgs { MaxUnavailable = 0, MaxSurge = 1 },
                },
                Template = new PodTemplateSpecArgs
                {
                    Metadata = new ObjectMetaArgs { Labels = labels },
                    Spec = new PodSpecArgs
                    {
                        TerminationGracePeriodSeconds = w.Apply(x => x.TerminationGracePeriodSeconds),
                        Containers = new ContainerArgs
                        {
                            Name = "backend",
                            Image = w.Apply(x => x.Image),
                            Env =
                            {
                                new EnvVarArgs { Name = "PORT", Value = w.Apply(x => x.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)) },
                                new EnvVarArgs { Name = "INSTANCE_ID", ValueFrom = new EnvVarSourceArgs { FieldRef = new ObjectFieldSelectorArgs { FieldPath = "metadata.name" } } },
                            },
                            Ports = new ContainerPortArgs { Name = "http", ContainerPortValue = w.Apply(x => x.Port), Protocol = "TCP" },
                            ReadinessProbe = Probe(w, failureThreshold: 2),
                            LivenessProbe = Probe(w, failureThreshold: 5),
                            // Endpoints drop the pod while it pauses, so no new stream lands on a stopping pod.
                            Lifecycle = new LifecycleArgs
                            {
                                PreStop = new LifecycleHandlerArgs { Sleep = new SleepActionArgs { Seconds = w.Apply(x => x.PreStopSeconds) } },
                            },
                            Resources = new ResourceRequirementsArgs
                            {
                                Requests = { ["cpu"] = w.Apply(x => x.Resources.CpuRequest), ["memory"] = w.Apply(x => x.Resources.MemoryRequest) },
                                Limits = { ["memory"] = w.Apply(x => x.Resources.MemoryLimit) },
                            },
                        },
                    },
                },
            },
        }, child);

        var service = new Pulumi.Kubernetes.Core.V1.Service(name, new ServiceArgs
        {
            Metadata = metadata,
            Spec = new ServiceSpecArgs
            {
                Type = "ClusterIP",
                Selector = labels,
                Ports = new ServicePortArgs { Name = "http", Port = w.Apply(x => x.Port), TargetPort = "http", Protocol = "TCP" },
                // Governs in-cluster clients; the ingress pins its own traffic (it talks to endpoints directly).
                SessionAffinity = "ClientIP",
                SessionAffinityConfig = new SessionAffinityConfigArgs
                {
                    ClientIP = new ClientIPConfigArgs { TimeoutSeconds = w.Apply(x => x.AffinityTimeoutSeconds) },
                },
            },
        }, child);

        _ = new Pulumi.Kubernetes.Policy.V1.PodDisruptionBudget(name, new PodDisruptionBudgetArgs
        {
            Metadata = metadata,
            Spec = new PodDisruptionBudgetSpecArgs { MinAvailable = w.Apply(x => (Union<int, string>)x.MinAvailable), Selector = selector },
        }, child);

        ServiceName = service.Metadata.Apply(m => m.Name);
        ServicePort = w.Apply(x => x.Port);
        DeploymentName = deployment.Metadata.Apply(m => m.Name);
        RegisterOutputs(StackOutputs.Of(this));
    }

    private static ProbeArgs Probe(Output<BackendWorkload> w, int failureThreshold) => new()
    {
        HttpGet = new HTTPGetActionArgs { Path = w.Apply(x => x.HealthPath), Port = "http" },
        PeriodSeconds = 5,
        TimeoutSeconds = 2,
        FailureThreshold = failureThreshold,
    };
}
