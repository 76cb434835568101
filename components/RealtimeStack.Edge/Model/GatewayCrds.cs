namespace RealtimeStack.Edge.Model;

/// <summary>Who owns the Gateway API and Envoy Gateway CRDs in gateway mode.</summary>
public enum GatewayCrds
{
    /// <summary>The stack renders them from the gateway-crds-helm chart and owns them (upgraded with the pinned release).</summary>
    Install,

    /// <summary>The cluster has them already (installed by its provider or another team): the stack only reads them.</summary>
    External,
}
