using RealtimeStack.Edge.Cluster;
using RealtimeStack.Edge.Model;

namespace RealtimeStack.Edge.GatewayApi;

/// <summary>
/// Helm values of the two charts, computed from the model. Every path exists in the chart's values.yaml at the
/// pinned release (tests hold them to the chart's own file).
/// </summary>
public static class EnvoyGatewayValues
{
    /// <summary>gateway-helm: the controller only watches this stack's class; its CRDs come from elsewhere.</summary>
    public static SortedDictionary<string, object> Controller(DeploymentSpec deployment) => ObjectMap.Of(
        ("crds", ObjectMap.Of(("enabled", false))),
        ("config", ObjectMap.Of(("envoyGateway", ObjectMap.Of(("gateway", ObjectMap.Of(("controllerName", EnvoyGatewayRelease.ControllerName(deployment))))))))
    );

    /// <summary>gateway-crds-helm: the Gateway API CRDs of the standard channel and Envoy Gateway's own.</summary>
    public static SortedDictionary<string, object> Crds() => ObjectMap.Of(
        ("crds", ObjectMap.Of(
            ("gatewayAPI", ObjectMap.Of(("enabled", true), ("channel", EnvoyGatewayRelease.GatewayApiChannel))),
            ("envoyGateway", ObjectMap.Of(("enabled", true))))));
}
