namespace RealtimeStack.Cli.Doctor;

/// <summary>A redirect passes when it is a redirect status and its Location is the HTTPS URL with the same path and query.</summary>
public static class RedirectJudge
{
    private static readonly int[] RedirectStatuses = [301, 302, 307, 308];

    public static CheckResult Judge(RedirectObservation o)
    {
        var check = DoctorChecks.HttpRedirect;
        if (o.SkippedBecause is not null) return check.Skip(o.SkippedBecause);
        if (o.Error is not null) return check.Fail($"nothing answers on {o.Requested?.AbsoluteUri}: {o.Error}");
        if (o.Status is not { } status || !RedirectStatuses.Contains(status))
            return check.Fail($"{o.Requested?.AbsoluteUri} answered {o.Status} without redirecting to https");
        if (o.Location is null) return check.Fail($"{status} without a Location header");
        if (!Uri.TryCreate(o.Requested, o.Location, out var target)) return check.Fail($"{status} to an unreadable Location '{o.Location}'");
        var same = target.Scheme == Uri.UriSchemeHttps
                   && string.Equals(target.DnsSafeHost, o.Expected.DnsSafeHost, StringComparison.OrdinalIgnoreCase)
                   && target.Port == o.Expected.Port
                   && target.PathAndQuery == o.Expected.PathAndQuery;
        return same
            ? check.Pass($"{status} to {target.AbsoluteUri}")
            : check.Fail($"{status} to {o.Location}, expected {o.Expected.AbsoluteUri} (same host, HTTPS port, path and query)");
    }
}
