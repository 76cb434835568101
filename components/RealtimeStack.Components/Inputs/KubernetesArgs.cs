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

    [Input("controllerReplicas")]
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
    [Input("serviceMonitor")]
    public bool? ServiceMonitor { get; set; }

    [Input("serviceMonitorLabels")]
    public InputList<string>? ServiceMonitorLabels { get; set; }
}
