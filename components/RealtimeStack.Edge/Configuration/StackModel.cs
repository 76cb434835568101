using System.Net;
using RealtimeStack.Edge.Model;

namespace RealtimeStack.Edge.Configuration;

/// <summary>
/// A whole stack's model: what the edge does and where it runs, bound from one flat configuration with every
/// error of both reported together. This is what the Pulumi program builds its components from.
/// </summary>
public sealed record StackModel(EdgeSpec Edge, DeploymentSpec Deployment)
{
    public static StackModel Bind(IReadOnlyDictionary<string, string> values)
    {
        var errors = new Errors();
        EdgeSpec? edge = null;
        DeploymentSpec? deployment = null;
        try { edge = EdgeConfigBinder.Bind(values); }
        catch (EdgeConfigException e) { errors.AddRange(e.Errors); }
        try { deployment = DeploymentConfigBinder.Bind(values); }
        catch (EdgeConfigException e) { errors.AddRange(e.Errors); }
        if (edge is not null && deployment is { Mode: EdgeMode.Docker })
        {
            // In docker mode each upstream server becomes a container whose network alias is the server's host.
            (ConfigKey Key, UpstreamGroup Group)[] groups = [(EdgeConfigKeys.ApiServers, edge.Upstreams.Api), (EdgeConfigKeys.SseServers, edge.Upstreams.Sse), (EdgeConfigKeys.WsServers, edge.Upstreams.Ws)];
            foreach (var (key, group) in groups)
            {
                if (!values.ContainsKey(key.FullName))
                {
                    // The defaults are loopback addresses for a local nginx; a container edge needs its containers' names.
                    errors.Add(key.FullName, $"is required in docker mode: each server is a backend container reached by name, like {DockerExample(group.Name)} (the default, {key.Default}, is for a local nginx)");
                    continue;
                }
                foreach (var server in group.Servers.Where(s => IPAddress.TryParse(s.Host.Trim('[', ']'), out _)))
                    errors.Add(key.FullName, $"'{server}': in docker mode each server is a backend container reached by name (like {DockerExample(group.Name)}), not an IP address");
            }
            var hosts = groups.Where(g => values.ContainsKey(g.Key.FullName)).SelectMany(g => g.Group.Servers.Select(s => (Role: g.Group.Name, s.Host))).GroupBy(x => x.Host).Where(g => g.Count() > 1);
            foreach (var shared in hosts)
                errors.Add(EdgeConfigKeys.ApiServers.FullName, $"host '{shared.Key}' is listed {shared.Count()} times ({string.Join(", ", shared.Select(x => x.Role))}): in docker mode each name is one backend container");
        }
        if (edge is not null && deployment is { InCluster: true })
        {
            var what = deployment.Mode == EdgeMode.Gateway ? "a Gateway API hostname" : "an Ingress host";
            foreach (var name in edge.ServerNames)
            {
                var key = name == edge.PrimaryName ? EdgeConfigKeys.Domain.FullName : EdgeConfigKeys.Aliases.FullName;
                if (name.Value.EndsWith(".*", StringComparison.Ordinal))
                    errors.Add(key, $"'{name}': {what} can have a leading *. wildcard only, not a trailing .*");
                else if (IPAddress.TryParse(name.Value, out _))
                    errors.Add(key, $"'{name}': {what} must be a DNS name, not an IP address");
            }
        }
        if (edge is not null && deployment is { Mode: EdgeMode.Gateway }) CheckGateway(values, edge, deployment, errors);
        if (edge is not null && deployment is not null) CheckMonitoring(edge, deployment, errors);
        errors.ThrowIfAny();
        return new StackModel(edge!, deployment!);
    }

    private static string DockerExample(string role) => role + "-1:" + role switch { "api" => "9000", "sse" => "9100", _ => "9200" };

    public static readonly string GatewayProxyProtocolRule = $"is refused in gateway mode: Envoy Gateway believes a PROXY protocol header from any sender (it has no trusted-source setting), so anyone who reaches the proxies could forge the client address; use {EdgeConfigKeys.TrustedProxies.FullName} with X-Forwarded-For";

    public const string GatewayPerClientLimitRule = "is not enforced in gateway mode: Envoy Gateway counts per client only with its global rate limit service (Redis), which this stack does not deploy; set it to 0, or limit clients in front of the Gateway";

    // A Gateway holds at most 64 listeners: one HTTPS listener per name when unknown names are refused, and the HTTP one.
    private static void CheckGateway(IReadOnlyDictionary<string, string> values, EdgeSpec edge, DeploymentSpec deployment, Errors errors)
    {
        // Per-client limits asked for explicitly are refused rather than silently not enforced: Envoy Gateway's local
        // rate limit cannot count per client (no Distinct match), and it has no per-client connection limit.
        foreach (var key in new[] { EdgeConfigKeys.ApiRate, EdgeConfigKeys.StreamsPerClient, EdgeConfigKeys.ApiRequestsPerClient })
            if (values.TryGetValue(key.FullName, out var raw) && raw != "0")
                errors.Add(key.FullName, GatewayPerClientLimitRule);
        // Envoy Gateway's PROXY protocol listener filter has no trusted sources: whoever reaches a proxy could name any
        // client address, for stickiness and for what backends are told.
        if (edge.ClientAddress.ProxyProtocol)
            errors.Add(EdgeConfigKeys.ProxyProtocol.FullName, GatewayProxyProtocolRule);
        // nginx reads 0 as "no keep-alive"; Envoy reads an idle timeout of 0 as "never time out".
        if (edge.Listen.KeepaliveTimeout.Value == TimeSpan.Zero)
            errors.Add(EdgeConfigKeys.KeepaliveTimeout.FullName, "0s means no keep-alive for nginx but an idle connection kept forever for Envoy (idleTimeout 0 disables the timeout): give a duration in gateway mode");
        if (edge.Listen.RejectUnknownHosts && edge.ServerNames.Count > GatewayApi.GatewaySettings.MaxHttpsListeners)
            errors.Add(EdgeConfigKeys.Aliases.FullName, $"{edge.ServerNames.Count} names: with {EdgeConfigKeys.RejectUnknownHosts.FullName} a Gateway gets one HTTPS listener per name, and it holds at most {GatewayApi.GatewaySettings.MaxHttpsListeners} beside the HTTP one");
        if (deployment.GatewayClass.Length > GatewayApi.HelmReleaseName.MaxLength)
            errors.Add(DeploymentConfigKeys.GatewayClass.FullName, $"'{deployment.GatewayClass}' is {deployment.GatewayClass.Length} characters: the Envoy Gateway release is named after it, and Helm release names are at most {GatewayApi.HelmReleaseName.MaxLength}");
    }

    // Collecting metrics needs the metrics to exist; a published exporter must not take the edge's own ports.
    private static void CheckMonitoring(EdgeSpec edge, DeploymentSpec deployment, Errors errors)
    {
        var monitoring = deployment.Monitoring;
        if (!edge.Metrics.Enabled)
        {
            if (monitoring.MetricsMonitor)
                errors.Add(DeploymentConfigKeys.MetricsMonitor.FullName, $"needs {EdgeConfigKeys.Metrics.FullName}: without it the controller has no metrics to scrape");
            if (monitoring.PublishesExporter)
                errors.Add(DeploymentConfigKeys.MetricsHostPort.FullName, $"needs {EdgeConfigKeys.Metrics.FullName}: without it there is no exporter to publish");
        }
        if (deployment.Mode == EdgeMode.Docker && monitoring.ExporterHostPort is var port && (port == edge.Listen.HttpPort || port == edge.Listen.HttpsPort))
            errors.Add(DeploymentConfigKeys.MetricsHostPort.FullName, $"{port} is already the edge's {(port == edge.Listen.HttpPort ? "HTTP port on the host (" + EdgeConfigKeys.HttpPort.FullName + ")" : "HTTPS port on the host (" + EdgeConfigKeys.HttpsPort.FullName + ")")}");
    }
}
