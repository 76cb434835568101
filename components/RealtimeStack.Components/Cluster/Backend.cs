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
        var selector = new LabelSelectorArgs();
        foreach (var (key, value) in w.Labels) selector.MatchLabels.Add(key, value);

        var deployment = new Pulumi.Kubernetes.Apps.V1.Deployment(name, new DeploymentArgs
        {
            Metadata = Metadata.Named(w.Name, args.Namespace, w.Labels),
            Spec = new DeploymentSpecArgs
            {
                Replicas = w.Replicas,
                Selector = selector,
                Strategy = new DeploymentStrategyArgs
                {
                    Type = "RollingUpdate",
                    RollingUpdate = new RollingUpdateDeploymentArgs { MaxUnavailable = 0, MaxSurge = 1 },
                },
                Template = new PodTemplateSpecArgs
                {
                    Metadata = new ObjectMetaArgs { Labels = w.Labels.ToDictionary() },
                    Spec = new PodSpecArgs
                    {
                        TerminationGracePeriodSeconds = w.TerminationGracePeriodSeconds,
                        Containers = new ContainerArgs
                        {
                            Name = "backend",
                            Image = w.Image,
                            Env =
                            {
                                new EnvVarArgs { Name = "PORT", Value = w.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                                new EnvVarArgs { Name = "INSTANCE_ID", ValueFrom = new EnvVarSourceArgs { FieldRef = new ObjectFieldSelectorArgs { FieldPath = "metadata.name" } } },
                            },
                            Ports = new ContainerPortArgs { Name = "http", ContainerPortValue = w.Port, Protocol = "TCP" },
                            ReadinessProbe = Probe(w, failureThreshold: 2),
                            LivenessProbe = Probe(w, failureThreshold: 5),
                            // Endpoints drop the pod while it pauses, so no new stream lands on a stopping pod.
                            Lifecycle = new LifecycleArgs
                            {
                                PreStop = new LifecycleHandlerArgs { Sleep = new SleepActionArgs { Seconds = w.PreStopSeconds } },
                            },
                            Resources = new ResourceRequirementsArgs
                            {
                                Requests = { ["cpu"] = w.Resources.CpuRequest, ["memory"] = w.Resources.MemoryRequest },
                                Limits = { ["memory"] = w.Resources.MemoryLimit },
                            },
                        },
                    },
                },
            },
        }, child);

        var service = new Pulumi.Kubernetes.Core.V1.Service(name, new ServiceArgs
        {
            Metadata = Metadata.Named(w.Name, args.Namespace, w.Labels),
            Spec = new ServiceSpecArgs
            {
                Type = "ClusterIP",
                Selector = w.Labels.ToDictionary(),
                Ports = new ServicePortArgs { Name = "http", Port = w.Port, TargetPort = "http", Protocol = "TCP" },
                // Governs in-cluster clients; the ingress pins its own traffic (it talks to endpoints directly).
                SessionAffinity = "ClientIP",
                SessionAffinityConfig = new SessionAffinityConfigArgs
                {
                    ClientIP = new ClientIPConfigArgs { TimeoutSeconds = w.AffinityTimeoutSeconds },
                },
            },
        }, child);

        _ = new Pulumi.Kubernetes.Policy.V1.PodDisruptionBudget(name, new PodDisruptionBudgetArgs
        {
            Metadata = Metadata.Named(w.Name, args.Namespace, w.Labels),
            Spec = new PodDisruptionBudgetSpecArgs { MinAvailable = w.MinAvailable, Selector = selector },
        }, child);

        ServiceName = service.Metadata.Apply(m => m.Name);
        ServicePort = Output.Create(w.Port);
        DeploymentName = deployment.Metadata.Apply(m => m.Name);
        RegisterOutputs(StackOutputs.Of(this));
    }

    private static ProbeArgs Probe(BackendWorkload w, int failureThreshold) => new()
    {
        HttpGet = new HTTPGetActionArgs { Path = w.HealthPath, Port = "http" },
        PeriodSeconds = 5,
        TimeoutSeconds = 2,
        FailureThreshold = failureThreshold,
    };
}
