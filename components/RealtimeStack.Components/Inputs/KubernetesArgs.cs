using System.ComponentModel;
using Pulumi;

namespace RealtimeStack.Components.Inputs;

[Description("Kubernetes and gateway mode: namespace, the ingress-nginx controller or Envoy Gateway, and backend workloads.")]
public sealed class KubernetesArgs : ResourceArgs
{
    [Input("namespace")]
    public Input<string>? Namespace { get; set; }

    [Input("ingressClass")]
    public Input<string>? IngressClass { get; set; }

    [Input("proxyReplicas")]
    public Input<int>? ProxyReplicas { get; set; }

    /// <summary>The former name of <see cref="ProxyReplicas"/>, still read (with a warning).</summary>
    [Input("controllerReplicas")]
    [Obsolete("Renamed ProxyReplicas (kubernetes.proxyReplicas): in gateway mode it is the Envoy proxies, not a controller.")]
    public Input<int>? ControllerReplicas { get; set; }

    /// <summary>Plain (known when the edge is constructed): the class's objects are named after it.</summary>
    [Input("gatewayClass")]
    public string? GatewayClass { get; set; }

    /// <summary>Plain (known when the edge is constructed): it decides whether the CRDs are created or read.</summary>
    [Input("gatewayCrds")]
    public string? GatewayCrds { get; set; }

    [Input("apiReplicas")]
    public Input<int>? ApiReplicas { get; set; }

    [Input("sseReplicas")]
    public Input<int>? SseReplicas { get; set; }

    [Input("wsReplicas")]
    public Input<int>? WsReplicas { get; set; }

    [Input("backendPort")]
    public Input<int>? BackendPort { get; set; }

    [Input("drainDelay")]
    public Input<string>? DrainDelay { get; set; }

    [Input("backendGracePeriod")]
    public Input<string>? BackendGracePeriod { get; set; }

    [Input("affinityTimeout")]
    public Input<string>? AffinityTimeout { get; set; }

    /// <summary>Plain (known when the edge is constructed): it decides whether the ServiceMonitor or PodMonitor exists.</summary>
    [Input("metricsMonitor")]
    public bool? MetricsMonitor { get; set; }

    /// <summary>The former name of <see cref="MetricsMonitor"/>, still read (with a warning).</summary>
    [Input("serviceMonitor")]
    [Obsolete("Renamed MetricsMonitor (kubernetes.metricsMonitor): in gateway mode it creates a PodMonitor.")]
    public bool? ServiceMonitor { get; set; }

    [Input("metricsMonitorLabels")]
    public InputList<string>? MetricsMonitorLabels { get; set; }

    /// <summary>The former name of <see cref="MetricsMonitorLabels"/>, still read (with a warning).</summary>
    [Input("serviceMonitorLabels")]
    [Obsolete("Renamed MetricsMonitorLabels (kubernetes.metricsMonitorLabels).")]
    public InputList<string>? ServiceMonitorLabels { get; set; }
}
