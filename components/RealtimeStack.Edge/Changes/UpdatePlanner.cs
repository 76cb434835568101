using System.Text.Json;
using RealtimeStack.Edge.Cluster;
using RealtimeStack.Edge.Configuration;
using RealtimeStack.Edge.Docker;
using RealtimeStack.Edge.GatewayApi;
using RealtimeStack.Edge.Model;
using RealtimeStack.Edge.Nginx;
using RealtimeStack.Edge.IngressNginx;
using RealtimeStack.Edge.Rendering;

namespace RealtimeStack.Edge.Changes;

/// <summary>
/// The change model: from the stack model before and after, what a <c>pulumi up</c> does to the running edge.
/// It compares the very parts the components build their resources from — the nginx container's replace-on-change
/// inputs (<see cref="ContainerEdgeSettings.Identity"/>) apart from nginx.conf and the certificate (delivered by
/// reload), the controller's release identity, pod template, replicas and ConfigMap, the Ingresses and the
/// backends — so the plan says what the resources will do.
/// </summary>
public static class UpdatePlanner
{
    /// <summary>Plans from flat <c>realtime:*</c> values; throws <see cref="EdgeConfigException"/> on bad input.</summary>
    public static UpdatePlan Plan(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after)
    {
        var plan = Plan(StackModel.Bind(before), StackModel.Bind(after));
        var changed = ConfigKey.All
            .Where(k => k.ValueIn(before) != k.ValueIn(after))
            .Select(k => k.FullName)
            .ToArray();
        return plan with { ChangedSettings = changed };
    }

    public static UpdatePlan Plan(StackModel before, StackModel after)
    {
        var changes = new List<PlannedChange>();
        if (before.Deployment.Mode != after.Deployment.Mode)
            changes.Add(new(UpdateAction.ReplaceAll, StreamEffect.Cut, "edge", $"mode {Mode(before)} → {Mode(after)}: every resource of the old mode is deleted"));
        else if (after.Deployment.Mode == EdgeMode.Docker)
            PlanDocker(before, after, changes);
        else if (before.Deployment.Namespace != after.Deployment.Namespace)
            changes.Add(new(UpdateAction.ReplaceAll, StreamEffect.Cut, "namespace", $"{before.Deployment.Namespace} → {after.Deployment.Namespace}: the namespace and everything in it are replaced"));
        else
        {
            if (after.Deployment.Mode == EdgeMode.Gateway) PlanGateway(before, after, changes);
            else PlanIngressNginx(before, after, changes);
            PlanBackends(before, after, changes);
        }
        return new UpdatePlan(after.Deployment.Mode, [], changes, UnifiedDiff.Of(RenderedConfiguration.Of(before), RenderedConfiguration.Of(after), $"before ({Mode(before)})", $"after ({Mode(after)})",
            before.Deployment.Mode == after.Deployment.Mode ? RenderedConfiguration.SectionHeader(after.Deployment.Mode) : null));
    }

    private static void PlanDocker(StackModel before, StackModel after, List<PlannedChange> changes)
    {
        var (old, now) = (ContainerEdgeSettings.For(before.Edge), ContainerEdgeSettings.For(after.Edge));
        var replaced = old.Identity != now.Identity;
        if (replaced)
            changes.Add(new(UpdateAction.ReplaceEdge, StreamEffect.Cut, "nginx container",
                $"its image, published ports, nofile limit or somaxconn change ({Differences(old.Identity, now.Identity)}), and Docker cannot change those on a running container"));
        else if (RenderedConfiguration.Of(before) != RenderedConfiguration.Of(after) || !SameCertificate(before.Edge, after.Edge))
            changes.Add(new(UpdateAction.Reload, StreamEffect.KeptUntilShutdownTimeout, "nginx.conf",
                "written into the running container, checked with nginx -t, then nginx -s reload"));

        var oldBackends = old.Backends.ToDictionary(b => b.Alias);
        var newBackends = now.Backends.ToDictionary(b => b.Alias);
        var imageChanged = before.Deployment.BackendImage != after.Deployment.BackendImage;
        var gone = oldBackends.Keys.Except(newBackends.Keys).Order(StringComparer.Ordinal).ToArray();
        var added = newBackends.Keys.Except(oldBackends.Keys).Order(StringComparer.Ordinal).ToArray();
        var rebuilt = newBackends.Keys.Intersect(oldBackends.Keys)
            .Where(a => imageChanged || oldBackends[a] != newBackends[a]).Order(StringComparer.Ordinal).ToArray();
        // Asked of the renderer, so the plan says what the rendered nginx.conf does.
        var follow = NginxConfRenderer.ResolverFor(after.Edge, NginxLayout.Container) is not null
            ? "nginx follows their new addresses by DNS (upstream resolve)"
            : "nginx is reloaded to resolve their new addresses (nginx before 1.27.3 resolves only when loading)";
        if (gone.Length > 0)
            changes.Add(new(UpdateAction.ReplaceBackends, StreamEffect.Cut, "backend containers " + string.Join(", ", gone), "removed: the streams they hold are cut"));
        if (rebuilt.Length > 0)
            changes.Add(new(UpdateAction.ReplaceBackends, StreamEffect.Cut, "backend containers " + string.Join(", ", rebuilt),
                $"replaced ({(imageChanged ? "new image" : "new port")}): the streams they hold are cut; {follow}"));
        if (added.Length > 0)
            changes.Add(new(UpdateAction.AddBackends, StreamEffect.Kept, "backend containers " + string.Join(", ", added), "created beside the running ones"));
        PlanExporter(MetricsExporter.For(before.Edge, before.Deployment), MetricsExporter.For(after.Edge, after.Deployment), changes);
    }

    // The exporter only reads nginx's status: creating, replacing or removing it leaves every stream alone.
    private static void PlanExporter(MetricsExporter? before, MetricsExporter? after, List<PlannedChange> changes)
    {
        if (before == after) return;
        var detail = (before, after) switch
        {
            (null, _) => "created beside nginx",
            (_, null) => "removed",
            // It reads the status through a fixed socket path: only where it is published can change.
            _ => $"replaced (host port {Published(before)} → {Published(after)})",
        };
        changes.Add(new(UpdateAction.ConfigureMonitoring, StreamEffect.Kept, "metrics exporter container", detail));

        static string Published(MetricsExporter exporter) => exporter.HostPort > 0 ? exporter.HostPort.ToString(System.Globalization.CultureInfo.InvariantCulture) : "unpublished";
    }

    private static void PlanIngressNginx(StackModel before, StackModel after, List<PlannedChange> changes)
    {
        var (b, a) = (before.Deployment, after.Deployment);
        var oldValues = ControllerValues.For(before.Edge, b);
        var newValues = ControllerValues.For(after.Edge, a);
        if (b.IngressClass != a.IngressClass)
            changes.Add(new(UpdateAction.ReplaceEdge, StreamEffect.Cut, "ingress-nginx release", $"the release is named after the IngressClass ({b.IngressClass} → {a.IngressClass}): it is replaced"));
        else
        {
            if (Json(PodTemplate(oldValues)) != Json(PodTemplate(newValues)))
                changes.Add(new(UpdateAction.RollController, StreamEffect.Drained, "controller pods", "the pod template changes (terminationGracePeriodSeconds or metrics): pods roll one at a time, each draining up to workerShutdownTimeout"));
            if (b.ProxyReplicas != a.ProxyReplicas)
                changes.Add(new(UpdateAction.ScaleController, a.ProxyReplicas > b.ProxyReplicas ? StreamEffect.Kept : StreamEffect.Drained, "controller pods",
                    $"{b.ProxyReplicas} → {a.ProxyReplicas} replicas"));
            var routesChanged = Json(IngressRoute.All(before.Edge, b)) != Json(IngressRoute.All(after.Edge, a))
                || !before.Edge.ServerNames.SequenceEqual(after.Edge.ServerNames);
            if (Json(ControllerValues.ConfigMap(before.Edge)) != Json(ControllerValues.ConfigMap(after.Edge)) || routesChanged || !SameCertificate(before.Edge, after.Edge))
                changes.Add(new(UpdateAction.Reload, StreamEffect.KeptUntilShutdownTimeout, "controller configuration",
                    "ConfigMap, Ingresses or TLS Secret: the controller reloads nginx inside its pods"));
        }
        PlanMonitor(ServiceMonitorSettings.For(before.Edge, b)?.Object(), ServiceMonitorSettings.For(after.Edge, a)?.Object(), "the controller's", changes);
    }

    /// <summary>The subject of a change to the Gateway's listeners (which drains connections), apart from routes.</summary>
    public const string GatewayListeners = "listeners";

    /// <summary>
    /// Envoy Gateway: the class (and the release named after it) replaced cuts; the proxies' own settings roll or
    /// scale them; the rest reaches running proxies by xDS. Listener changes (the Gateway, the ClientTrafficPolicy)
    /// make Envoy drain the old listener's connections for its drain time (workerShutdownTimeout); routes, backend
    /// policies and certificates (by SDS) apply to new requests while open streams go on.
    /// </summary>
    private static void PlanGateway(StackModel before, StackModel after, List<PlannedChange> changes)
    {
        var (b, a) = (before.Deployment, after.Deployment);
        if (b.GatewayClass != a.GatewayClass)
        {
            changes.Add(new(UpdateAction.ReplaceEdge, StreamEffect.Cut, "Envoy Gateway",
                $"the release, GatewayClass and EnvoyProxy are named after the class ({b.GatewayClass} → {a.GatewayClass}): they are replaced, and the Gateway's proxies with them"));
            return;
        }
        if (b.GatewayCrds != a.GatewayCrds)
            changes.Add(new(UpdateAction.ChangeCrdOwner, StreamEffect.Kept, "Gateway API and Envoy Gateway CRDs",
                a.GatewayCrds == GatewayCrds.External ? "left in the cluster (retained on delete), no longer the stack's" : "taken over by the stack (server-side apply of the pinned release's CRDs)"));
        var (oldProxy, newProxy) = (GatewaySettings.EnvoyProxy(before.Edge, b), GatewaySettings.EnvoyProxy(after.Edge, a));
        if (b.ProxyReplicas != a.ProxyReplicas)
            changes.Add(new(UpdateAction.ScaleController, a.ProxyReplicas > b.ProxyReplicas ? StreamEffect.Kept : StreamEffect.Drained, "Envoy proxy pods",
                $"{b.ProxyReplicas} → {a.ProxyReplicas} replicas"));
        if (Json(oldProxy.Spec["shutdown"]) != Json(newProxy.Spec["shutdown"]) || Json(oldProxy.Spec["bootstrap"]) != Json(newProxy.Spec["bootstrap"]))
            changes.Add(new(UpdateAction.RollController, StreamEffect.Drained, "Envoy proxy pods",
                "their drain settings and connection cap are in the pod (--drain-time-s, the grace period, the bootstrap): pods roll one at a time, each draining up to workerShutdownTimeout"));
        var secret = TlsSecretSettings.GeneratedName;
        var listeners = Json(GatewaySettings.Gateway(before.Edge, b, secret)) != Json(GatewaySettings.Gateway(after.Edge, a, secret))
            || Json(GatewaySettings.ClientTrafficPolicy(before.Edge, b)) != Json(GatewaySettings.ClientTrafficPolicy(after.Edge, a));
        if (listeners)
            changes.Add(new(UpdateAction.UpdateProxies, StreamEffect.KeptUntilShutdownTimeout, GatewayListeners,
                "the Gateway or ClientTrafficPolicy changes a listener: Envoy takes new connections on the new one and drains the old one's for up to workerShutdownTimeout"));
        var routes = Json(GatewaySettings.HttpRoutes(before.Edge, b)) != Json(GatewaySettings.HttpRoutes(after.Edge, a))
            || Json(GatewaySettings.BackendTrafficPolicies(before.Edge, b)) != Json(GatewaySettings.BackendTrafficPolicies(after.Edge, a));
        if (routes || !SameCertificate(before.Edge, after.Edge))
            changes.Add(new(UpdateAction.UpdateProxies, StreamEffect.Kept, "routes, policies, certificate",
                "Envoy Gateway sends them to the running proxies (xDS; the certificate by SDS): new requests use them, open streams go on"));
        PlanMonitor(ProxyMetrics.PodMonitor(before.Edge, b), ProxyMetrics.PodMonitor(after.Edge, a), "the Envoy proxies'", changes);
    }

    // The prometheus-operator object that scrapes the edge (ServiceMonitor or PodMonitor): it never touches a stream.
    private static void PlanMonitor(CustomObject? before, CustomObject? after, string whose, List<PlannedChange> changes)
    {
        if (Json((object?)before ?? "none") == Json((object?)after ?? "none")) return;
        changes.Add(new(UpdateAction.ConfigureMonitoring, StreamEffect.Kept, (before ?? after)!.Kind,
            before is null ? $"created for {whose} metrics" : after is null ? "deleted" : "updated in place (labels)"));
    }

    /// <summary>The backends of kubernetes and gateway mode: the same Deployments, Services and budgets.</summary>
    private static void PlanBackends(StackModel before, StackModel after, List<PlannedChange> changes)
    {
        var (b, a) = (before.Deployment, after.Deployment);
        var oldWorkloads = BackendWorkload.All(b).ToDictionary(w => w.Role);
        foreach (var workload in BackendWorkload.All(a))
        {
            var previous = oldWorkloads[workload.Role];
            var role = workload.Role.ToString().ToLowerInvariant();
            if (Json(PodTemplate(previous)) != Json(PodTemplate(workload)))
                changes.Add(new(UpdateAction.RollBackends, StreamEffect.Drained, $"{role} backend pods", "the pod template changes: pods roll one at a time, each pausing (preStop) then draining until its grace period"));
            else if (previous.AffinityTimeoutSeconds != workload.AffinityTimeoutSeconds)
                changes.Add(new(UpdateAction.ConfigureBackends, StreamEffect.Kept, $"{role} Service", "sessionAffinity timeout updated in place"));
            if (previous.Replicas != workload.Replicas)
                changes.Add(new(UpdateAction.ScaleBackends, workload.Replicas > previous.Replicas ? StreamEffect.Kept : StreamEffect.Drained, $"{role} backend pods", $"{previous.Replicas} → {workload.Replicas} replicas"));
        }
    }

    // What reaches a backend pod's template; replicas scale, the affinity timeout is the Service's, and the
    // disruption budget follows the replicas.
    private static BackendWorkload PodTemplate(BackendWorkload workload) => workload with { Replicas = 0, AffinityTimeoutSeconds = 0, MinAvailable = 0 };

    // The chart's controller values that reach the pod template (a change rolls the pods). replicaCount is the
    // Deployment's scale; config is the ConfigMap, which the controller watches and reloads from.
    private static object PodTemplate(SortedDictionary<string, object> values)
    {
        var controller = (SortedDictionary<string, object>)values["controller"];
        // metrics: --enable-metrics and the metrics container port are in the pod template.
        return controller.Where(kv => kv.Key is "terminationGracePeriodSeconds" or "metrics").ToDictionary();
    }

    private static bool SameCertificate(EdgeSpec before, EdgeSpec after) =>
        before.Tls.Material?.Thumbprint == after.Tls.Material?.Thumbprint
        && before.Tls.Material?.PrivateKeyPem == after.Tls.Material?.PrivateKeyPem;

    private static string Differences(ContainerIdentity before, ContainerIdentity after) => string.Join(", ",
        new (string Name, object Old, object New)[]
        {
            ("image", before.Image, after.Image),
            ("ports", $"{before.HttpPort}/{before.HttpsPort}", $"{after.HttpPort}/{after.HttpsPort}"),
            ("nofile", before.NofileLimit, after.NofileLimit),
            ("somaxconn", before.Somaxconn, after.Somaxconn),
        }.Where(d => !Equals(d.Old, d.New)).Select(d => $"{d.Name} {d.Old} → {d.New}"));

    private static string Mode(StackModel model) => model.Deployment.Mode.ToString().ToLowerInvariant();

    private static string Json(object value) => JsonSerializer.Serialize(value);
}
