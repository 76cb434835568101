namespace RealtimeStack.Edge.Nginx;

/// <summary>
/// A unix socket the status server also listens on, in a directory nginx shares with what scrapes it (in Docker a
/// volume mounted into the nginx and exporter containers): the counters reach the exporter without a listener on any
/// network. nginx makes the socket readable and writable by every user, so an exporter running as another user
/// connects; it removes the file when it quits gracefully, but a killed nginx leaves it behind, and nginx refuses to
/// start on a path that exists (bind: address in use), so <see cref="StartCommand"/> removes it first.
/// </summary>
public sealed record StatusSocket(string Directory)
{
    public const string FileName = "status.sock";

    /// <summary>The directory the Docker volume is mounted at in the nginx and exporter containers.</summary>
    public static StatusSocket Container { get; } = new("/run/nginx-status");

    public string Path => Directory.TrimEnd('/') + "/" + FileName;

    /// <summary>The argument of <c>listen</c>.</summary>
    public string Listen => "unix:" + Path;

    /// <summary>The form nginx-prometheus-exporter's <c>--nginx.scrape-uri</c> takes for a unix socket: unix:PATH:REQUEST-PATH.</summary>
    public string ScrapeUri => $"unix:{Path}:{Model.MetricsSpec.StatusPath}";

    /// <summary>
    /// <paramref name="nginx"/> (the command that runs nginx in the foreground) preceded by removing a socket an
    /// earlier, killed nginx left: the container's entrypoint, run at every start and restart.
    /// </summary>
    public IReadOnlyList<string> StartCommand(IReadOnlyList<string> nginx) =>
        ["/bin/sh", "-c", "rm -f \"$0\" && exec \"$@\"", Path, .. nginx];
}
