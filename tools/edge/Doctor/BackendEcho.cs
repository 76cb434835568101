using RealtimeStack.SampleBackends;

namespace RealtimeStack.Cli.Doctor;

/// <summary>
/// What a backend said about one request, from the headers the sample backends add to every response: which
/// instance answered, and the Host, X-Real-IP and X-Forwarded-For the edge sent it. A backend that adds none of
/// them leaves everything null (<see cref="Echoes"/> false).
/// </summary>
public sealed record BackendEcho(string Route, string? Instance, string? Host, string? RealIp, string? ForwardedFor)
{
    /// <summary>The sample backends always send X-Seen-Host (empty when the edge sent no Host).</summary>
    public bool Echoes => Host is not null;

    public static BackendEcho From(string route, Func<string, string?> header) => new(
        route,
        NullIfEmpty(header(SampleHeaders.Instance)),
        header(SampleHeaders.SeenHost),
        header(SampleHeaders.SeenRealIp),
        header(SampleHeaders.SeenForwardedFor));

    public static BackendEcho From(string route, HttpResponseMessage response) =>
        From(route, name => response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : null);

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
