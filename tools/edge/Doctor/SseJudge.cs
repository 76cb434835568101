namespace RealtimeStack.Cli.Doctor;

/// <summary>
/// Judges an <see cref="SseObservation"/>: content type, caching, compression, time to first event and buffering.
/// Buffering is read from the timestamps: each event's arrival minus the backend's clock when it wrote it is a
/// constant (the clock offset plus the path's latency) while events flow one by one; a buffer makes early events
/// wait for later ones, so that difference grows by the time they were held. Comparing differences, never absolute
/// times, keeps the judgement independent of the two machines' clocks.
/// </summary>
public static class SseJudge
{
    /// <summary>How far behind its neighbours' pace an event may arrive before it counts as held back: far above
    /// network and scheduling jitter, far below what a proxy buffer does (it waits for kilobytes of events).</summary>
    public static readonly TimeSpan HeldBackTolerance = TimeSpan.FromSeconds(1);

    /// <summary>Arrivals closer than this, of events written at least half an interval apart, came in one burst.</summary>
    public static readonly TimeSpan BurstGap = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// Judges the same stream watched over several HTTP versions: with proxy_buffering on, nginx 1.22 held back an
    /// HTTP/1.1 client's stream but not an HTTP/2 client's, and load balancers and CDNs reach an origin over HTTP/1.1.
    /// A check fails when it fails on any of them; the measured values say which.
    /// </summary>
    public static IReadOnlyList<CheckResult> Judge(IReadOnlyList<SseObservation> streams)
    {
        var perStream = streams.Select(o => (o.Protocol, Results: Judge(o))).ToArray();
        return DoctorChecks.All.Where(c => perStream[0].Results.Any(r => r.Id == c.Id)).Select(check =>
        {
            // Timings differ per protocol by nature, so they are always labelled; equal header findings are said once.
            var label = check == DoctorChecks.SseFirstEvent || check == DoctorChecks.SseBuffering;
            var results = perStream.Select(s => (s.Protocol, Result: s.Results.Single(r => r.Id == check.Id))).ToArray();
            var failed = results.Where(r => r.Result.Status == CheckStatus.Fail).ToArray();
            if (failed.Length > 0) return check.Fail(Merge(failed.Select(r => (r.Protocol, r.Result.Measured)), label));
            if (results.All(r => r.Result.Status == CheckStatus.Skip))
                return check.Skip(Merge(results.Select(r => (r.Protocol, r.Result.Reason ?? "")), label), Merge(results.Select(r => (r.Protocol, r.Result.Measured)), label));
            return check.Pass(Merge(results.Select(r => (r.Protocol, r.Result.Status == CheckStatus.Pass ? r.Result.Measured : $"not measured, {r.Result.Reason}")), label));
        }).ToArray();
    }

    private static string Merge(IEnumerable<(string Protocol, string Text)> texts, bool label)
    {
        var all = texts.Where(t => t.Text.Length > 0).ToArray();
        if (all.Length == 0) return "";
        if (!label && all.Select(t => t.Text).Distinct().Count() == 1) return all[0].Text;
        return string.Join("; ", all.Select(t => $"{t.Protocol}: {t.Text}"));
    }

    /// <summary>Judges one stream.</summary>
    public static IReadOnlyList<CheckResult> Judge(SseObservation o)
    {
        var contentType = DoctorChecks.SseContentType;
        var cache = DoctorChecks.SseCacheControl;
        var gzip = DoctorChecks.SseGzip;
        var first = DoctorChecks.SseFirstEvent;
        var buffering = DoctorChecks.SseBuffering;

        if (o.HeadersAfter is not { } headersAfter)
        {
            if (o.Error is not null)
            {
                var failed = $"no SSE response: {o.Error}";
                return [contentType.Fail($"request failed: {o.Error}"), cache.Skip(failed), gzip.Skip(failed), first.Skip(failed), buffering.Skip(failed)];
            }
            var held = $"no response headers within {DoctorFormat.Duration(o.Window)}";
            var see = held + " (see sse-buffering)";
            return
            [
                contentType.Skip(see), cache.Skip(see), gzip.Skip(see), first.Skip(see),
                buffering.Fail($"{held}, while the backend flushes them at once and writes an event every {DoctorFormat.Duration(o.Interval)}: the edge holds the stream until a buffer fills"),
            ];
        }
        if (o.Status != 200)
        {
            var noStream = $"no stream: HTTP {o.Status}";
            return [contentType.Fail($"HTTP {o.Status} ({o.ContentType ?? "no content type"}), not a 200 stream"), cache.Skip(noStream), gzip.Skip(noStream), first.Skip(noStream), buffering.Skip(noStream)];
        }

        var bufferingResult = Buffering(o, headersAfter);
        return
        [
            o.ContentType == "text/event-stream"
                ? contentType.Pass("200 text/event-stream")
                : contentType.Fail($"200 {o.ContentType ?? "without a content type"}"),
            o.CacheControl.Any(v => v.Contains("no-store", StringComparison.OrdinalIgnoreCase) || v.Contains("no-cache", StringComparison.OrdinalIgnoreCase))
                ? cache.Pass("Cache-Control: " + string.Join(" | ", o.CacheControl))
                : cache.Fail(o.CacheControl.Count == 0 ? "no Cache-Control header" : "Cache-Control: " + string.Join(" | ", o.CacheControl) + " (neither no-cache nor no-store)"),
            o.ContentEncoding.All(e => e.Equals("identity", StringComparison.OrdinalIgnoreCase))
                ? gzip.Pass("not compressed (the request accepted gzip)")
                : gzip.Fail($"Content-Encoding: {string.Join(", ", o.ContentEncoding)} on the stream"),
            FirstEvent(o, headersAfter, bufferingResult),
            bufferingResult,
        ];
    }

    private static CheckResult Buffering(SseObservation o, TimeSpan headersAfter)
    {
        var check = DoctorChecks.SseBuffering;
        var interval = DoctorFormat.Duration(o.Interval);
        var events = o.Events;
        if (o.Error is not null && events.Count == 0) return check.Fail($"the stream broke before the first event: {o.Error}");
        if (events.Count == 0)
            return check.Fail(o.Ended
                ? $"the response ended after its headers without an event"
                : $"headers after {DoctorFormat.Duration(headersAfter)}, then no event in {DoctorFormat.Duration(o.WatchedFor - headersAfter)} although the backend writes one every {interval}");
        if (events.Any(e => e.WrittenUnixMs < 0))
            return check.Skip("the events carry no write time (data: <unix ms>, as the sample backends send), so their pacing cannot be compared", $"{events.Count} events");

        // Lag: arrival minus write time; its minimum is the fastest path (plus the clock offset), so lag - minimum
        // is how long each event waited more than the quickest one.
        var lags = events.Select(e => e.ArrivedAfter.TotalMilliseconds - e.WrittenUnixMs).ToArray();
        var fastest = lags.Min();
        var worst = lags.Max() - fastest;
        var burst = 0;
        for (var i = 1; i < events.Count; i++)
        {
            var arrivedApart = (events[i].ArrivedAfter - events[i - 1].ArrivedAfter).TotalMilliseconds;
            var writtenApart = events[i].WrittenUnixMs - events[i - 1].WrittenUnixMs;
            if (arrivedApart < BurstGap.TotalMilliseconds && writtenApart >= o.Interval.TotalMilliseconds / 2) burst++;
        }
        var silence = o.WatchedFor - events[^1].ArrivedAfter;
        var over = $"{events.Count} events";
        if (worst > HeldBackTolerance.TotalMilliseconds)
            return check.Fail($"{over}: {burst + 1} arrived in bursts, held up to {DoctorFormat.Milliseconds(worst)} behind the pace the backend wrote them at (one every {interval})");
        if (o.Error is not null) return check.Fail($"{over}, then the stream broke: {o.Error}");
        if (!o.Ended && silence > o.Interval + HeldBackTolerance)
            return check.Fail($"{over}, then none for {DoctorFormat.Duration(silence)} although the backend writes one every {interval}");
        if (o.Ended) return check.Fail($"{over}, then the response ended: a stream must stay open");
        return check.Pass($"{over}, one by one every {interval}: at most {DoctorFormat.Milliseconds(worst)} behind the backend's pace");
    }

    private static CheckResult FirstEvent(SseObservation o, TimeSpan headersAfter, CheckResult buffering)
    {
        var check = DoctorChecks.SseFirstEvent;
        if (o.Events.Count == 0) return check.Skip("no event arrived (see sse-buffering)");
        var firstAfterHeaders = o.Events[0].ArrivedAfter - headersAfter;
        var measured = $"{DoctorFormat.Duration(firstAfterHeaders)} after the response headers ({DoctorFormat.Duration(o.Events[0].ArrivedAfter)} after the request)";
        if (buffering.Status == CheckStatus.Fail) return check.Skip("held back by the buffering sse-buffering reports", measured);
        return firstAfterHeaders <= o.Interval + HeldBackTolerance ? check.Pass(measured) : check.Fail(measured);
    }
}
