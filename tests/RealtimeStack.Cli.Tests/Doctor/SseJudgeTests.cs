using RealtimeStack.Cli.Doctor;

namespace RealtimeStack.Cli.Tests.Doctor;

/// <summary>The SSE verdicts on recorded timelines: pacing is judged from write times against arrival times only,
/// whatever the offset between the two machines' clocks.</summary>
public sealed class SseJudgeTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);
    private const long BackendClock = 1_700_000_000_000; // the backend's unix ms when it wrote the first event

    private static SseObservation Stream(IEnumerable<SseEvent> events, TimeSpan? headersAfter = null, string[]? encoding = null, TimeSpan? watched = null) => new(
        Interval, TimeSpan.FromSeconds(3), headersAfter ?? TimeSpan.FromMilliseconds(50), 200, "HTTP/2", "text/event-stream",
        ["no-store"], encoding ?? [], events.ToArray(), 0, watched ?? TimeSpan.FromSeconds(2.2), false, null, null);

    /// <summary>Events written every 100 ms; <paramref name="arrival"/> maps the i-th write (ms since the first) to its arrival.</summary>
    private static IEnumerable<SseEvent> Written(int count, Func<int, double> arrival) =>
        Enumerable.Range(0, count).Select(i => new SseEvent(i + 1, BackendClock + i * 100, TimeSpan.FromMilliseconds(arrival(i))));

    private static CheckResult Verdict(IReadOnlyList<CheckResult> results, CheckDefinition check) => results.Single(r => r.Id == check.Id);

    [Fact]
    public void Events_arriving_one_by_one_pass_whatever_the_clock_offset()
    {
        // Arrival = 150 ms after the request for the first, then every 100 ms give or take 20 ms of jitter.
        var results = SseJudge.Judge(Stream(Written(20, i => 150 + i * 100 + (i % 3 - 1) * 20)));

        Assert.All(results, r => Assert.Equal(CheckStatus.Pass, r.Status));
        Assert.Contains("at most 40 ms behind", Verdict(results, DoctorChecks.SseBuffering).Measured);
    }

    [Fact]
    public void Events_released_together_after_a_silence_are_buffering_and_explain_the_late_first_event()
    {
        // Nothing for 2 s, then all 20 at once: the first waited 1.9 s longer than the last.
        var results = SseJudge.Judge(Stream(Written(20, i => 2050 + i * 0.1)));

        var buffering = Verdict(results, DoctorChecks.SseBuffering);
        Assert.Equal(CheckStatus.Fail, buffering.Status);
        Assert.Contains("20 arrived in bursts", buffering.Measured);
        Assert.Contains("held up to 1.9 s", buffering.Measured);
        Assert.Equal(CheckStatus.Skip, Verdict(results, DoctorChecks.SseFirstEvent).Status);
        Assert.Single(results, r => r.Status == CheckStatus.Fail);
    }

    [Fact]
    public void A_stream_that_stops_flowing_fails()
    {
        var results = SseJudge.Judge(Stream(Written(5, i => 150 + i * 100), watched: TimeSpan.FromSeconds(2.95)));

        var buffering = Verdict(results, DoctorChecks.SseBuffering);
        Assert.Equal(CheckStatus.Fail, buffering.Status);
        Assert.Contains("then none for 2.4 s", buffering.Measured);
    }

    [Fact]
    public void No_headers_within_the_window_is_buffering_and_everything_else_waits_for_it()
    {
        var o = Stream([], headersAfter: null) with { HeadersAfter = null, Status = null, ContentType = null, CacheControl = [], WatchedFor = TimeSpan.FromSeconds(3) };

        var results = SseJudge.Judge(o);

        Assert.Equal([DoctorChecks.SseBuffering.Id], results.Where(r => r.Status == CheckStatus.Fail).Select(r => r.Id));
        Assert.Contains("no response headers within 3.0 s", Verdict(results, DoctorChecks.SseBuffering).Measured);
        Assert.All(results.Where(r => r.Id != DoctorChecks.SseBuffering.Id), r => Assert.Equal(CheckStatus.Skip, r.Status));
    }

    [Fact]
    public void A_gzip_stream_fails_only_the_compression_check()
    {
        var results = SseJudge.Judge(Stream(Written(20, i => 150 + i * 100), encoding: ["gzip"]));

        Assert.Equal([DoctorChecks.SseGzip.Id], results.Where(r => r.Status == CheckStatus.Fail).Select(r => r.Id));
    }

    [Fact]
    public void A_cacheable_stream_and_a_wrong_content_type_fail_their_checks()
    {
        var results = SseJudge.Judge(Stream(Written(20, i => 150 + i * 100)) with { CacheControl = ["public, max-age=60"], ContentType = "text/plain" });

        Assert.Equal([DoctorChecks.SseContentType.Id, DoctorChecks.SseCacheControl.Id], results.Where(r => r.Status == CheckStatus.Fail).Select(r => r.Id));
    }

    [Fact]
    public void A_first_event_two_seconds_late_but_then_steady_fails_only_time_to_first_event()
    {
        var results = SseJudge.Judge(Stream(Written(8, i => 2150 + i * 100), watched: TimeSpan.FromSeconds(2.9)));

        Assert.Equal([DoctorChecks.SseFirstEvent.Id], results.Where(r => r.Status == CheckStatus.Fail).Select(r => r.Id));
    }

    [Fact]
    public void Watched_over_two_versions_a_check_fails_when_one_fails_and_says_which()
    {
        var buffered = Stream([], headersAfter: null) with { Protocol = "HTTP/1.1", HeadersAfter = null, Status = null, CacheControl = [], WatchedFor = TimeSpan.FromSeconds(3) };
        var flowing = Stream(Written(20, i => 150 + i * 100));

        var results = SseJudge.Judge([buffered, flowing]);

        Assert.Equal([DoctorChecks.SseBuffering.Id], results.Where(r => r.Status == CheckStatus.Fail).Select(r => r.Id));
        Assert.StartsWith("HTTP/1.1: no response headers within 3.0 s", Verdict(results, DoctorChecks.SseBuffering).Measured);
        Assert.DoesNotContain("HTTP/2", Verdict(results, DoctorChecks.SseBuffering).Measured);
        var first = Verdict(results, DoctorChecks.SseFirstEvent);
        Assert.Equal(CheckStatus.Pass, first.Status);
        Assert.StartsWith("HTTP/1.1: not measured, no response headers", first.Measured);
        Assert.Contains("; HTTP/2: 100 ms after the response headers", first.Measured);
        Assert.Equal("HTTP/1.1: not measured, no response headers within 3.0 s (see sse-buffering); HTTP/2: 200 text/event-stream",
            Verdict(results, DoctorChecks.SseContentType).Measured);
    }
}
