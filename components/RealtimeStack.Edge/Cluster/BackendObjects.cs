using System.Globalization;

namespace RealtimeStack.Edge.Cluster;

/// <summary>
/// One backend role's objects in Kubernetes, from its <see cref="BackendWorkload"/>: a Deployment that drains on
/// rollout (maxUnavailable 0, a preStop pause while the endpoints drop the pod, a grace period for the streams), a
/// Service with <c>sessionAffinity: ClientIP</c> (it governs in-cluster clients; the ingress pins its own traffic,
/// since it talks to endpoints directly), and a PodDisruptionBudget.
/// </summary>
public static class BackendObjects
{
    /// <summary>The container's name in the pod.</summary>
    public const string ContainerName = "backend";

    /// <summary>The container port's name, which the Service and the probes target.</summary>
    public const string PortName = "http";

    public static IReadOnlyList<CustomObject> For(BackendWorkload workload, string @namespace) =>
        [Deployment(workload, @namespace), Service(workload, @namespace), DisruptionBudget(workload, @namespace)];

    public static CustomObject Deployment(BackendWorkload w, string @namespace) =>
        new("apps/v1", "Deployment", w.Name, @namespace, ObjectMap.Of(
            ("replicas", w.Replicas),
            ("selector", Selector(w)),
            ("strategy", ObjectMap.Of(("type", "RollingUpdate"), ("rollingUpdate", ObjectMap.Of(("maxUnavailable", 0), ("maxSurge", 1))))),
            ("template", ObjectMap.Of(
                ("metadata", ObjectMap.Of(("labels", Labels(w)))),
                ("spec", ObjectMap.Of(
                    ("terminationGracePeriodSeconds", w.TerminationGracePeriodSeconds),
                    ("containers", new object[]
                    {
                        ObjectMap.Of(
                            ("name", ContainerName),
                            ("image", w.Image),
                            ("env", new object[]
                            {
                                ObjectMap.Of(("name", "PORT"), ("value", w.Port.ToString(CultureInfo.InvariantCulture))),
                                ObjectMap.Of(("name", "INSTANCE_ID"), ("valueFrom", ObjectMap.Of(("fieldRef", ObjectMap.Of(("fieldPath", "metadata.name")))))),
                            }),
                            ("ports", new object[] { ObjectMap.Of(("name", PortName), ("containerPort", w.Port), ("protocol", "TCP")) }),
                            ("readinessProbe", Probe(w, failureThreshold: 2)),
                            ("livenessProbe", Probe(w, failureThreshold: 5)),
                            // Endpoints drop the pod while it pauses, so no new stream lands on a stopping pod.
                            ("lifecycle", ObjectMap.Of(("preStop", ObjectMap.Of(("sleep", ObjectMap.Of(("seconds", w.PreStopSeconds))))))),
                            ("resources", ObjectMap.Of(
                                ("requests", ObjectMap.Of(("cpu", w.Resources.CpuRequest), ("memory", w.Resources.MemoryRequest))),
                                ("limits", ObjectMap.Of(("memory", w.Resources.MemoryLimit)))))),
                    })))))))
        { Labels = [.. w.Labels] };

    public static CustomObject Service(BackendWorkload w, string @namespace) =>
        new("v1", "Service", w.Name, @namespace, ObjectMap.Of(
            ("type", "ClusterIP"),
            ("selector", Labels(w)),
            ("ports", new object[] { ObjectMap.Of(("name", PortName), ("port", w.Port), ("targetPort", PortName), ("protocol", "TCP")) }),
            ("sessionAffinity", "ClientIP"),
            ("sessionAffinityConfig", ObjectMap.Of(("clientIP", ObjectMap.Of(("timeoutSeconds", w.AffinityTimeoutSeconds)))))))
        { Labels = [.. w.Labels] };

    public static CustomObject DisruptionBudget(BackendWorkload w, string @namespace) =>
        new("policy/v1", "PodDisruptionBudget", w.Name, @namespace, ObjectMap.Of(("minAvailable", w.MinAvailable), ("selector", Selector(w)))) { Labels = [.. w.Labels] };

    private static SortedDictionary<string, object> Labels(BackendWorkload w) => ObjectMap.Of([.. w.Labels.Select(l => (l.Key, (object?)l.Value))]);

    private static SortedDictionary<string, object> Selector(BackendWorkload w) => ObjectMap.Of(("matchLabels", Labels(w)));

    private static SortedDictionary<string, object> Probe(BackendWorkload w, int failureThreshold) => ObjectMap.Of(
        ("httpGet", ObjectMap.Of(("path", w.HealthPath), ("port", PortName))),
        ("periodSeconds", 5),
        ("timeoutSeconds", 2),
        ("failureThreshold", failureThreshold));
}
