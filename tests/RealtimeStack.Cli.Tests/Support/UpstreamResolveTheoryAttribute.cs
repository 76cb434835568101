namespace RealtimeStack.Cli.Tests.Support;

/// <summary>
/// A theory over the installed nginx builds that re-resolve upstream names (1.27.3 and later). When none is
/// installed it is reported as skipped, saying why, rather than failing for want of data or passing unrun.
/// </summary>
public sealed class UpstreamResolveTheoryAttribute : TheoryAttribute
{
    public UpstreamResolveTheoryAttribute()
    {
        if (!InstalledNginx.All.Any(b => b.Version.HasUpstreamResolve))
            Skip = $"no installed nginx has upstream resolve ({RealtimeStack.Edge.Model.NginxVersion.UpstreamResolve} or newer)";
    }

    /// <summary>The names (<see cref="InstalledNginx.Name"/>) of the installed builds with upstream resolve.</summary>
    public static TheoryData<string> Nginx => new(InstalledNginx.All.Where(b => b.Version.HasUpstreamResolve).Select(InstalledNginx.Name));
}
