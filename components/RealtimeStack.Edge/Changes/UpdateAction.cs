namespace RealtimeStack.Edge.Changes;

/// <summary>What a <c>pulumi up</c> does to the running edge for one change.</summary>
public enum UpdateAction
{
    /// <summary>nginx loads the new configuration in place (docker: the reload command; kubernetes: the controller's in-pod reload).</summary>
    Reload,

    /// <summary>The nginx container (docker) or the ingress-nginx release (kubernetes) is deleted and created again.</summary>
    ReplaceEdge,

    /// <summary>The controller pods are replaced one at a time (a rolling update of the controller Deployment).</summary>
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

    /// <summary>Everything is deleted and created again (another mode, another namespace).</summary>
    ReplaceAll,
}
