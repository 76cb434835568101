using System.Text.Json;
using System.Text.RegularExpressions;

namespace RealtimeStack.Edge.Tests.Docs;

/// <summary>
/// dashboards/realtime-edge.json: it parses, every panel queries, and every query names only metrics that the
/// exporter, the controller or Envoy really export (a renamed or misspelled metric draws an empty panel silently).
/// </summary>
public sealed partial class DashboardTests
{
    /// <summary>
    /// nginx-prometheus-exporter 1.5.3, collector/nginx.go and collector/helper.go (stub_status metrics; note
    /// nginx_connections_accepted and _handled are counters without a _total suffix).
    /// </summary>
    private static readonly HashSet<string> ExporterMetrics =
    [
        "nginx_up", "nginx_connections_active", "nginx_connections_accepted", "nginx_connections_handled",
        "nginx_connections_reading", "nginx_connections_writing", "nginx_connections_waiting", "nginx_http_requests_total",
    ];

    /// <summary>
    /// ingress-nginx controller v1.15.1: internal/ingress/metric/collectors/{nginx_status,controller,socket}.go and
    /// docs/user-guide/monitoring.md (nginx_process connections by state; reloads; requests by status).
    /// </summary>
    private static readonly HashSet<string> ControllerMetrics =
    [
        "nginx_ingress_controller_nginx_process_connections", "nginx_ingress_controller_nginx_process_connections_total",
        "nginx_ingress_controller_nginx_process_requests_total", "nginx_ingress_controller_requests",
        "nginx_ingress_controller_config_last_reload_successful", "nginx_ingress_controller_config_last_reload_successful_timestamp_seconds",
        "nginx_ingress_controller_success", "nginx_ingress_controller_errors", "nginx_ingress_controller_config_hash",
        "nginx_ingress_controller_request_duration_seconds_bucket", "nginx_ingress_controller_response_size_bucket",
    ];

    /// <summary>
    /// Envoy's statistics as Envoy Gateway v1.9.0 exports them (its own dashboards,
    /// charts/gateway-addons-helm/dashboards/envoy-clusters.json and envoy-proxy-global.json), and upstream_cx_overflow
    /// from Envoy's cluster statistics (the connection circuit breaker's count). Envoy adds no _total suffix.
    /// </summary>
    private static readonly HashSet<string> EnvoyMetrics =
    [
        "envoy_cluster_upstream_cx_active", "envoy_cluster_upstream_cx_total", "envoy_cluster_upstream_rq_xx", "envoy_cluster_upstream_rq_total",
        "envoy_cluster_upstream_cx_overflow", "envoy_http_downstream_rq_total", "envoy_http_downstream_cx_total",
        "envoy_listener_downstream_cx_active", "envoy_server_live", "envoy_server_uptime",
    ];

    // PromQL functions, aggregations and keywords the dashboard may use; anything else is taken as a metric name.
    private static readonly HashSet<string> PromQlWords =
    [
        "sum", "min", "max", "avg", "count", "by", "without", "on", "ignoring", "group_left", "group_right", "and", "or", "unless",
        "rate", "irate", "increase", "delta", "deriv", "histogram_quantile", "clamp_min", "clamp_max", "abs", "time", "vector", "scalar",
    ];

    private static string DashboardPath => Path.Combine(RepoPaths.Root, "dashboards", "realtime-edge.json");

    [Fact]
    public void Every_panel_queries_only_metrics_the_exporter_the_controller_or_envoy_export()
    {
        using var dashboard = JsonDocument.Parse(File.ReadAllText(DashboardPath));
        var panels = Panels(dashboard.RootElement).Where(p => p.GetProperty("type").GetString() != "row").ToArray();
        Assert.NotEmpty(panels);
        var used = new HashSet<string>();
        foreach (var panel in panels)
        {
            var title = panel.GetProperty("title").GetString();
            var targets = panel.GetProperty("targets").EnumerateArray().ToArray();
            Assert.True(targets.Length > 0, $"panel '{title}' has no query");
            foreach (var target in targets)
            {
                var expr = target.GetProperty("expr").GetString()!;
                foreach (var name in MetricNames(expr))
                {
                    Assert.True(ExporterMetrics.Contains(name) || ControllerMetrics.Contains(name) || EnvoyMetrics.Contains(name), $"panel '{title}' queries '{name}', which neither the exporter, the controller nor Envoy exports ({expr})");
                    used.Add(name);
                }
            }
        }
        // The panels the edge needs: streams, connection rates, errors, reloads, in both modes.
        Assert.Contains("nginx_connections_writing", used);
        Assert.Contains("nginx_connections_accepted", used);
        Assert.Contains("nginx_ingress_controller_nginx_process_connections", used);
        Assert.Contains("nginx_ingress_controller_requests", used);
        Assert.Contains("nginx_ingress_controller_config_last_reload_successful", used);
        Assert.Contains("nginx_ingress_controller_success", used);
        Assert.Contains("envoy_cluster_upstream_cx_active", used);
        Assert.Contains("envoy_cluster_upstream_cx_overflow", used);
    }

    [Theory]
    [InlineData("sum(rate(nginx_connections_accepted_total[5m]))", "nginx_connections_accepted_total")]
    [InlineData("sum by (state) (nginx_ingress_controller_nginx_process_connections{state=\"writing\"})", null)]
    [InlineData("sum(rate(nginx_ingress_controller_requests{status=~\"5..\"}[5m]))", null)]
    public void The_check_finds_metric_names_and_ignores_labels_ranges_and_functions(string expr, string? unknown)
    {
        var names = MetricNames(expr).Where(n => !ExporterMetrics.Contains(n) && !ControllerMetrics.Contains(n)).ToArray();
        Assert.Equal(unknown is null ? [] : [unknown], names);
    }

    private static IEnumerable<string> MetricNames(string expr)
    {
        var bare = Matchers().Replace(Ranges().Replace(expr, ""), "");
        bare = Grouping().Replace(bare, "");
        return Identifier().Matches(bare).Select(m => m.Value).Where(w => !PromQlWords.Contains(w)).Distinct();
    }

    private static IEnumerable<JsonElement> Panels(JsonElement root)
    {
        foreach (var panel in root.GetProperty("panels").EnumerateArray())
        {
            yield return panel;
            if (panel.TryGetProperty("panels", out var inner))
                foreach (var nested in inner.EnumerateArray()) yield return nested;
        }
    }

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Matchers();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex Ranges();

    // The label lists of by (...) / without (...) name labels, not metrics.
    [GeneratedRegex(@"\b(by|without|on|ignoring)\s*\([^)]*\)")]
    private static partial Regex Grouping();

    [GeneratedRegex(@"[A-Za-z_:][A-Za-z0-9_:]*")]
    private static partial Regex Identifier();
}
