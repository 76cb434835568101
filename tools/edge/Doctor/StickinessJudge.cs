namespace RealtimeStack.Cli.Doctor;

/// <summary>Sticky when every reconnect reached the same instance. From outside, a pool of one cannot be told from a
/// pinned pool: both pass.</summary>
public static class StickinessJudge
{
    public static CheckResult Judge(CheckDefinition check, StickinessObservation o)
    {
        if (o.Error is not null) return check.Fail(o.Error);
        if (o.Instances.All(i => i is null))
            return check.Skip("the backend does not say which instance answered (X-Backend-Instance, as the sample backends send)");
        var distinct = o.Instances.Distinct().ToList();
        if (distinct.Count == 1)
            return check.Pass($"{o.Instances.Count} new connections all reached {distinct[0]}");
        return check.Fail($"{o.Instances.Count} new connections reached {string.Join(", ", o.Instances.Select(i => i ?? "(unnamed)"))}");
    }
}
