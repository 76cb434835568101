namespace RealtimeStack.Edge.Changes;

/// <summary>One thing a <c>pulumi up</c> changes on the running edge, and what that does to open streams.</summary>
public sealed record PlannedChange(UpdateAction Action, StreamEffect Streams, string Subject, string Detail)
{
    public override string ToString() => $"{Subject}: {Describe(Action)} — open streams: {Describe(Streams)}. {Detail}".TrimEnd();

    public static string Describe(UpdateAction action) => action switch
    {
        UpdateAction.Reload => "nginx reloads",
        UpdateAction.ReplaceEdge => "replaced",
        UpdateAction.RollController => "controller pods roll",
        UpdateAction.ScaleController => "controller pods scale",
        UpdateAction.ReplaceBackends => "backend containers replaced",
        UpdateAction.RollBackends => "backend pods roll",
        UpdateAction.ScaleBackends => "backend pods scale",
        UpdateAction.ConfigureBackends => "backend Services updated in place",
        UpdateAction.AddBackends => "backend containers added",
        UpdateAction.ConfigureMonitoring => "metrics collection changes",
        UpdateAction.UpdateProxies => "Envoy proxies updated in place",
        UpdateAction.ChangeCrdOwner => "CRDs change owner",
        _ => "everything replaced",
    };

    public static string Describe(StreamEffect effect) => effect switch
    {
        StreamEffect.Kept => "kept",
        StreamEffect.KeptUntilShutdownTimeout => "kept up to workerShutdownTimeout",
        StreamEffect.Drained => "drained, then cut at the grace period",
        _ => "cut",
    };
}
