namespace RealtimeStack.Edge.Model;

/// <summary>Where the edge runs.</summary>
public enum EdgeMode
{
    /// <summary>An nginx container running the rendered nginx.conf, with backend containers on one network.</summary>
    Docker,

    /// <summary>An ingress-nginx release configured from the model, with backend Deployments and an Ingress.</summary>
    Kubernetes,

    /// <summary>Envoy Gateway (Gateway API) configured from the model, with the same backend Deployments and HTTPRoutes:
    /// the way off the retired ingress-nginx.</summary>
    Gateway,
}
