using RealtimeStack.Edge.GatewayApi;

namespace RealtimeStack.Edge.Configuration;

/// <summary>
/// <c>realtime:*</c> keys that say where and how the edge is deployed rather than what it does
/// (read by <see cref="Configuration.DeploymentConfigBinder"/>).
/// </summary>
public static class DeploymentConfigKeys
{
    public static readonly ConfigKey Mode = new("mode", "mode", ValueKind.Text, "docker", "Where the edge runs: docker (an nginx container), kubernetes (ingress-nginx) or gateway (Envoy Gateway, Gateway API).");
    public static readonly ConfigKey BackendImage = new("backendImage", "backendImage", ValueKind.Text, "", "Image of the api, sse and ws backends. Required in kubernetes and gateway mode. In docker mode without it the backends are built (backendBuild; the dev stack builds the sample backends from this repository).");
    public static readonly ConfigKey Namespace = new("namespace", "kubernetes.namespace", ValueKind.Text, "realtime", "Kubernetes namespace for the backends, the Ingresses or the Gateway and HTTPRoutes, and the TLS Secret (created).") { Modes = StackModes.Cluster };
    public static readonly ConfigKey IngressClass = new("ingressClass", "kubernetes.ingressClass", ValueKind.Text, "realtime-nginx", "The dedicated IngressClass (and controller value k8s.io/NAME) of the ingress-nginx release.") { Modes = StackModes.KubernetesOnly };
    public static readonly ConfigKey ProxyReplicas = new("proxyReplicas", "kubernetes.proxyReplicas", ValueKind.Integer, "2", "Replicas of the edge's proxies: the ingress-nginx controller pods, or the Envoy proxy pods in gateway mode (a PodDisruptionBudget keeps one up).") { Modes = StackModes.Cluster, FormerName = "controllerReplicas", FormerPath = "kubernetes.controllerReplicas" };
    public static readonly ConfigKey GatewayClass = new("gatewayClass", "kubernetes.gatewayClass", ValueKind.Text, "realtime-envoy", $"Gateway mode: the dedicated GatewayClass (at most {HelmReleaseName.MaxLength} characters). Its controllerName is {EnvoyGatewayRelease.EnvoyGatewayGroup}/NAME, and the Envoy Gateway {EnvoyGatewayRelease.Version} release, its namespace (NAMESPACE-gateway) and the EnvoyProxy are named after it.") { Modes = StackModes.GatewayOnly };
    public static readonly ConfigKey GatewayCrds = new("gatewayCrds", "kubernetes.gatewayCrds", ValueKind.Text, "install", $"Gateway mode: install (the stack owns the Gateway API {EnvoyGatewayRelease.GatewayApiVersion} {EnvoyGatewayRelease.GatewayApiChannel} and Envoy Gateway {EnvoyGatewayRelease.Version} CRDs, rendered from the gateway-crds-helm chart) or external (the cluster has them already: the stack reads each CRD it needs, so a missing one fails the preview).") { Modes = StackModes.GatewayOnly };
    public static readonly ConfigKey ApiReplicas = new("apiReplicas", "kubernetes.apiReplicas", ValueKind.Integer, "2", "Kubernetes replicas of the api backend.") { Modes = StackModes.Cluster };
    public static readonly ConfigKey SseReplicas = new("sseReplicas", "kubernetes.sseReplicas", ValueKind.Integer, "2", "Kubernetes replicas of the sse backend.") { Modes = StackModes.Cluster };
    public static readonly ConfigKey WsReplicas = new("wsReplicas", "kubernetes.wsReplicas", ValueKind.Integer, "2", "Kubernetes replicas of the ws backend.") { Modes = StackModes.Cluster };
    public static readonly ConfigKey BackendPort = new("backendPort", "kubernetes.backendPort", ValueKind.Integer, "9000", "Container port of the backends in Kubernetes (Docker uses the ports of the server lists).") { Modes = StackModes.Cluster };
    public static readonly ConfigKey DrainDelay = new("drainDelay", "kubernetes.drainDelay", ValueKind.Text, "10s", "preStop pause before a backend stops, so endpoints drop it before it closes streams; in gateway mode also the Envoy proxies' minimum drain (EnvoyProxy shutdown.minDrainDuration).") { Modes = StackModes.Cluster };
    public static readonly ConfigKey BackendGracePeriod = new("backendGracePeriod", "kubernetes.backendGracePeriod", ValueKind.Text, "60s", "Time a stopping backend has to end its streams (includes drainDelay).") { Modes = StackModes.Cluster };
    public static readonly ConfigKey AffinityTimeout = new("affinityTimeout", "kubernetes.affinityTimeout", ValueKind.Text, "3h", "Services' sessionAffinity ClientIP timeout.") { Modes = StackModes.Cluster };
    public static readonly ConfigKey MetricsHostPort = new("metricsHostPort", "metrics.exporterHostPort", ValueKind.Integer, "0", "Docker mode: host port on which the metrics exporter (nginx-prometheus-exporter, port 9113 on the edge's network) is published for a Prometheus outside Docker. 0: not published, scrape it from a container on the edge's network.") { Modes = StackModes.DockerOnly };
    public static readonly ConfigKey MetricsMonitor = new("metricsMonitor", "kubernetes.metricsMonitor", ValueKind.Boolean, "false", "Kubernetes mode: create a prometheus-operator ServiceMonitor (monitoring.coreos.com/v1, CRD required) scraping the controller's metrics every 30s; gateway mode: a PodMonitor scraping the Envoy proxies' (Envoy Gateway creates no metrics Service). Needs metrics.") { Modes = StackModes.Cluster, FormerName = "serviceMonitor", FormerPath = "kubernetes.serviceMonitor" };
    public static readonly ConfigKey MetricsMonitorLabels = new("metricsMonitorLabels", "kubernetes.metricsMonitorLabels", ValueKind.List, "release=prometheus", "Labels of the ServiceMonitor or PodMonitor, as key=value: those the Prometheus's serviceMonitorSelector matches (kube-prometheus-stack: release=<its release name>).") { Modes = StackModes.Cluster, FormerName = "serviceMonitorLabels", FormerPath = "kubernetes.serviceMonitorLabels" };

    public static IReadOnlyList<ConfigKey> All { get; } =
    [
        Mode, BackendImage, Namespace, IngressClass, ProxyReplicas, GatewayClass, GatewayCrds,
        ApiReplicas, SseReplicas, WsReplicas, BackendPort, DrainDelay, BackendGracePeriod, AffinityTimeout,
        MetricsHostPort, MetricsMonitor, MetricsMonitorLabels,
    ];
}
