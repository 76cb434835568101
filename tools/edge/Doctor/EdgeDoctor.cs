namespace RealtimeStack.Cli.Doctor;

/// <summary>
/// Diagnoses a live edge from outside, needing nothing from it beyond what the sample backends already say about
/// themselves. TLS first (the rest depends on whether its certificate may be used), then the plain-HTTP redirect,
/// then the SSE streams and the WebSocket session side by side (both mostly wait), then reconnects for stickiness.
/// </summary>
public static class EdgeDoctor
{
    /// <exception cref="EdgeUnreachableException">The HTTPS URL does not resolve or accept connections.</exception>
    public static async Task<DoctorReport> RunAsync(DoctorOptions options, TextWriter progress, CancellationToken token = default)
    {
        var edge = new EdgeConnector(options);
        var results = new List<CheckResult>();

        var tls = await TlsProbe.RunAsync(edge, token);
        var verdict = TlsJudge.Judge(tls, options, edge.Host, DateTimeOffset.UtcNow);
        results.AddRange(verdict.Results);
        results.Add(RedirectJudge.Judge(await RedirectProbe.RunAsync(edge, token)));
        if (verdict.Accepted is not { } certificate)
        {
            var stop = verdict.StopReason ?? "no usable TLS connection";
            results.AddRange(DoctorChecks.All.Where(c => results.All(r => r.Id != c.Id)).Select(c => c.Skip(stop)));
            return Ordered(edge, results);
        }
        edge.Pin(certificate);

        progress.WriteLine($"doctor: watching SSE streams (up to {DoctorFormat.Duration(options.SseWindow)}) and holding a WebSocket idle ({DoctorFormat.Duration(options.IdleDuration)})...");
        var api = ApiProbe.RunAsync(edge, token);
        // Both HTTP versions: a buffering nginx may hold back one and not the other (see SseJudge).
        Version[] versions = tls.ApplicationProtocol == "h2" ? [System.Net.HttpVersion.Version11, System.Net.HttpVersion.Version20] : [System.Net.HttpVersion.Version11];
        var sse = Task.WhenAll(versions.Select(v => SseProbe.RunAsync(edge, v, token)));
        var ws = WebSocketProbe.RunAsync(edge, token);
        await Task.WhenAll(api, sse, ws);
        var sseResults = SseJudge.Judge(sse.Result);
        var sseEcho = sse.Result.Select(o => o.Echo).FirstOrDefault(e => e is not null);
        var wsResults = WebSocketJudge.Judge(ws.Result);
        results.AddRange(sseResults);
        results.AddRange(wsResults);

        progress.WriteLine($"doctor: reconnecting {options.Reconnects} times to /sse/ and /ws/ for stickiness...");
        results.Add(await SseStickiness(edge, sseResults, token));
        results.Add(await WebSocketStickiness(edge, ws.Result, token));
        results.Add(ForwardedHeadersJudge.Judge([api.Result, sseEcho, ws.Result.Echo], edge.Host, edge.Authority, tls.LocalAddress));
        return Ordered(edge, results);
    }

    private static async Task<CheckResult> SseStickiness(EdgeConnector edge, IReadOnlyList<CheckResult> sse, CancellationToken token)
    {
        var check = DoctorChecks.SseSticky;
        if (edge.Options.Expectations.NoStickinessBecause is { } reason) return check.Skip(reason);
        // A stream that answered anything but 200 has no backend to pin to; one whose headers were held back still does.
        if (sse.Single(r => r.Id == DoctorChecks.SseContentType.Id).Status == CheckStatus.Fail) return check.Skip("no SSE stream (sse-content-type failed)");
        return StickinessJudge.Judge(check, await StickinessProbe.SseAsync(edge, token));
    }

    private static async Task<CheckResult> WebSocketStickiness(EdgeConnector edge, WebSocketObservation ws, CancellationToken token)
    {
        var check = DoctorChecks.WsSticky;
        if (edge.Options.Expectations.NoStickinessBecause is { } reason) return check.Skip(reason);
        if (!ws.Upgraded) return check.Skip("needs an upgraded WebSocket (ws-upgrade failed)");
        return StickinessJudge.Judge(check, await StickinessProbe.WebSocketAsync(edge, token));
    }

    private static DoctorReport Ordered(EdgeConnector edge, List<CheckResult> results)
    {
        var options = edge.Options;
        var ordered = DoctorChecks.All.Select(c => results.SingleOrDefault(r => r.Id == c.Id)
            ?? throw new InvalidOperationException($"check {c.Id} produced no result")).ToArray();
        var identity = options.Edge is { } given ? EdgeIdentity.FromOption(given) : EdgeKindDetector.Detect(edge.Answers);
        return new DoctorReport(options.HttpsUrl.AbsoluteUri, identity, ordered);
    }
}
