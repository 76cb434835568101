using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace RealtimeStack.Cli.Doctor;

/// <summary>
/// What <c>edge doctor</c> diagnoses and how. <see cref="HttpsUrl"/> is the edge's base URL; the checks request
/// <c>/api/…</c>, <c>/sse/…</c> and <c>/ws/…</c> below it.
/// </summary>
/// <param name="HttpsUrl">An absolute https URL.</param>
/// <param name="Insecure">Go on with the other checks when the certificate is not trusted (it is still reported).</param>
/// <param name="TrustedCertificates">Trusted in addition to the system's CAs: as roots, or pinned when one is the leaf itself.</param>
/// <param name="HttpPort">The plain HTTP port for the redirect check; null derives 80 from 443, or skips.</param>
/// <param name="IdleDuration">How long a WebSocket is held without traffic.</param>
/// <param name="ConnectTo">Connect here instead of resolving the URL's host (SNI and Host stay the URL's).</param>
public sealed record DoctorOptions(
    Uri HttpsUrl,
    bool Insecure,
    X509Certificate2Collection TrustedCertificates,
    int? HttpPort,
    TimeSpan IdleDuration,
    IPAddress? ConnectTo = null)
{
    public static readonly TimeSpan DefaultIdleDuration = TimeSpan.FromSeconds(5);

    public DoctorExpectations Expectations { get; init; } = DoctorExpectations.Everything;

    /// <summary>The kind of edge as the user named it (<c>--edge</c>); null detects it from the answers.</summary>
    public EdgeKind? Edge { get; init; }

    /// <summary>The gap the SSE backend is asked to leave between events (<c>?interval=</c>).</summary>
    public TimeSpan SseInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How long the SSE stream is watched at most.</summary>
    public TimeSpan SseWindow { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Enough events to judge the pacing; the watch ends early when they have arrived.</summary>
    public int SseEvents { get; init; } = 20;

    /// <summary>New connections per route for the stickiness checks.</summary>
    public int Reconnects { get; init; } = 4;

    /// <summary>Bound on every single network step (connect, handshake, one answer).</summary>
    public TimeSpan StepTimeout { get; init; } = TimeSpan.FromSeconds(5);
}
