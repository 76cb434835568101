namespace RealtimeStack.Edge.Changes;

/// <summary>What a <c>pulumi up</c> does to the running edge for one change.</summary>
public enum UpdateAction
{
    /// <summary>nginx loads the new configuration in place (docker: the reload command; kubernetes: the controller's in-pod reload).</summary>
    Reload,

    /// <summary>The nginx container (docker), the ingress-nginx release (kubernetes) or Envoy Gateway and its class (gateway) is deleted and created again.</summary>
    ReplaceEdge,

    /// <summary>The controller pods (gateway: the Envoy proxy pods) are replaced one at a time (a rolling update).</summary>
    RollController,

    /// <summary>More or fewer controller pods.</summary>
    ScaleController,

    /// <summary>Backend containers are deleted and created again (docker).</summary>
    ReplaceBackends,

    /// <summary>Backend pods are replaced one at a time (a rolling update of their Deployments).</summary>
    RollBackends,

    /// <summary>More or fewer backend pods.</summary>
    ScaleBackends,

    /// <summary>Backend Services change in place (no pod restarts).</summary>
    ConfigureBackends,

    /// <summary>Backend containers are added (docker): nothing running is touched.</summary>
    AddBackends,

    /// <summary>Only what collects metrics changes: the exporter container (docker) or the ServiceMonitor (kubernetes).</summary>
    ConfigureMonitoring,

    /// <summary>Envoy Gateway sends new routes, policies, listeners or certificates to the running proxies (xDS): no restart.</summary>
    UpdateProxies,

    /// <summary>The Gateway API and Envoy Gateway CRDs change owner (the stack or the cluster); they stay in the cluster.</summary>
    ChangeCrdOwner,

    /// <summary>Everything is deleted and created again (another mode, another namespace).</summary>
    ReplaceAll,
}
