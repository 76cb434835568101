using RealtimeStack.Edge.Changes;
using RealtimeStack.Edge.Configuration;

namespace RealtimeStack.Edge.Tests.Docs;

/// <summary>
/// The table (docs/updates.md) "you change → pulumi up does → open streams" is the change model's answer for each setting
/// changed alone on the dev (docker), k8s (kubernetes) and gateway stacks, generated here and kept in sync.
/// </summary>
public sealed class UpdateTableTests
{
    [Fact]
    public void The_update_table_is_the_change_models_answer() =>
        GeneratedSection.Check(Path.Combine(RepoPaths.Root, "docs", "updates.md"), "update-table", Table());

    private static string Table()
    {
        var (dev, k8s, gateway) = (Stack("dev"), Stack("k8s"), Stack("gateway"));
        var lines = new List<string>
        {
            "| you change | docker: `pulumi up` does → open streams | kubernetes: `pulumi up` does → open streams | gateway: `pulumi up` does → open streams |",
            "|---|---|---|---|",
        };
        foreach (var ((onDev, onK8s), onGateway) in SettingChanges.For(dev).Zip(SettingChanges.For(k8s)).Zip(SettingChanges.For(gateway)))
            lines.Add($"| `{onDev.Setting}` | {Cell(dev, onDev)} | {Cell(k8s, onK8s)} | {Cell(gateway, onGateway)} |");
        return string.Join('\n', lines);
    }

    private static string Cell(Dictionary<string, string> stack, SettingChange change)
    {
        if (SettingChanges.Refused(stack, change.Setting) is not null) return "refused: not in this mode";
        var plan = UpdatePlanner.Plan(stack, change.ApplyTo(stack));
        var also = plan.ChangedSettings.Where(s => !change.Setting.Contains(s, StringComparison.Ordinal)).Select(s => s[(ConfigKey.Namespace.Length + 1)..]).ToArray();
        var effects = plan.IsEmpty
            ? "nothing"
            : string.Join("; ", plan.Changes.Select(c => $"{What(c)} → {Streams(c.Streams)}").Distinct());
        return also.Length == 0 ? effects : $"{effects} (with {string.Join(", ", also)})";
    }

    // The containers where a change names them, and what is replaced; pods and Services are all roles' alike.
    private static string What(PlannedChange change) => change.Action switch
    {
        UpdateAction.AddBackends or UpdateAction.ReplaceBackends => $"{PlannedChange.Describe(change.Action)} ({change.Subject["backend containers ".Length..]})",
        UpdateAction.ReplaceEdge => $"{change.Subject} replaced",
        UpdateAction.ConfigureMonitoring => $"{change.Subject} {change.Detail}",
        UpdateAction.UpdateProxies => $"Envoy updates its {change.Subject} in place",
        // The subject says whose pods: the ingress-nginx controller's or the Envoy proxies'.
        UpdateAction.RollController => $"{change.Subject} roll",
        UpdateAction.ScaleController => $"{change.Subject} scale",
        _ => PlannedChange.Describe(change.Action),
    };

    private static string Streams(StreamEffect effect) => effect == StreamEffect.Cut ? "**cut**" : PlannedChange.Describe(effect);

    private static Dictionary<string, string> Stack(string name) => RepoStacks.Values(name);
}
