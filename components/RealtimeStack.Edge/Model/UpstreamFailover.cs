
namespace RealtimeStack.Edge.Model;

/// <summary>
/// What nginx does when a backend fails: which attempts it passes to another server, how many and for how long, and
/// how long it leaves a failed server out. One policy for both modes (nginx.conf here, ingress-nginx keys in
/// <see cref="IngressNginx.IngressAnnotations"/> and <see cref="IngressNginx.ControllerValues"/>).
/// </summary>
/// <remarks>
/// nginx cannot restrict a retry to connect failures: <c>error</c> and <c>timeout</c> cover establishing the
/// connection, sending the request and reading the response header alike. What keeps retries safe is:
/// <list type="bullet">
/// <item>never a retry once any response byte reached the client (nginx never does that), so a stream that has
/// started is never replayed elsewhere: its client reconnects;</item>
/// <item>never a retry of POST, PATCH or LOCK once sent (<c>non_idempotent</c> is left out), so such a request
/// reaches at most one backend;</item>
/// <item>no <c>http_5xx</c>/<c>invalid_header</c>: an answer from a backend is passed on, never replayed;</item>
/// <item>retries only within <see cref="RetryWindow"/> of the first attempt: a request whose backend took longer
/// than that to fail (a slow backend that read it) is answered 502/504 instead of being sent again.</item>
/// </list>
/// An idempotent request (a GET, a stream's opening GET or WebSocket upgrade) that reached a backend which then
/// failed before sending its response header within the window is sent to another: that is the one case where a
/// request reaches two backends, and only for methods HTTP defines as safe to repeat.
/// </remarks>
public static class UpstreamFailover
{
    /// <summary>Failures that move an attempt to the next server, on every route. Never non_idempotent.</summary>
    public static readonly IReadOnlyList<string> NextUpstreamOn = ["error", "timeout"];

    /// <summary>Servers one request may try, the first included (ingress-nginx's default too).</summary>
    public const int Tries = 3;

    /// <summary>One failed connect or exchange leaves a server out for failTimeout.</summary>
    public const int MaxFails = 1;

    /// <summary>
    /// How long after its first attempt a request may still be passed to another server: twice the connect timeout,
    /// so a connect that timed out is followed by one more attempt, and a client waits about that long at most.
    /// </summary>
    public static Duration RetryWindow(RouteSpec route) => new(route.ConnectTimeout.Value * 2);
}
