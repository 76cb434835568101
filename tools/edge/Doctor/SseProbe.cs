using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net.Http.Headers;

namespace RealtimeStack.Cli.Doctor;

/// <summary>
/// Opens <c>/sse/edge-doctor?interval=N</c> as a browser would (accepting gzip) on one HTTP version, and records
/// when the headers and each event arrive. A compressed stream is decompressed so the pacing can still be
/// judged; that it was compressed at all is a finding of its own.
/// </summary>
public static class SseProbe
{
    public static string PathFor(TimeSpan interval) =>
        "sse/edge-doctor?interval=" + ((long)interval.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);

    public static async Task<SseObservation> RunAsync(EdgeConnector edge, Version version, CancellationToken token)
    {
        var options = edge.Options;
        using var client = edge.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, edge.Https(PathFor(options.SseInterval)))
        {
            Version = version,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Headers.Accept.ParseAdd("text/event-stream");
        request.Headers.AcceptEncoding.ParseAdd("gzip");
        request.Headers.CacheControl = new CacheControlHeaderValue { NoCache = true };
        using var window = CancellationTokenSource.CreateLinkedTokenSource(token);
        window.CancelAfter(options.SseWindow);
        var clock = Stopwatch.StartNew();
        var events = new List<SseEvent>();
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, window.Token);
        }
        catch (OperationCanceledException) when (!token.IsCancellationRequested)
        {
            return Observation(null, null, events, 0, clock.Elapsed, ended: false, error: null);
        }
        catch (HttpRequestException e)
        {
            return Observation(null, null, events, 0, clock.Elapsed, ended: false, error: DoctorFormat.Failure(e));
        }

        using (response)
        {
            edge.Record("sse", response);
            var headersAfter = clock.Elapsed;
            if (response.StatusCode != System.Net.HttpStatusCode.OK)
                return Observation(response, headersAfter, events, 0, clock.Elapsed, ended: false, error: null);
            var comments = 0;
            long? id = null;
            try
            {
                await using var body = Decode(await response.Content.ReadAsStreamAsync(window.Token), response.Content.Headers.ContentEncoding);
                using var reader = new System.IO.StreamReader(body);
                while (events.Count < options.SseEvents)
                {
                    var line = await reader.ReadLineAsync(window.Token);
                    if (line is null) return Observation(response, headersAfter, events, comments, clock.Elapsed, ended: true, error: null);
                    if (line.StartsWith(':')) comments++;
                    else if (Field(line, "id") is { } idValue) id = long.TryParse(idValue, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
                    else if (Field(line, "data") is { } data)
                        events.Add(new SseEvent(id, long.TryParse(data, NumberStyles.None, CultureInfo.InvariantCulture, out var written) ? written : -1, clock.Elapsed));
                }
            }
            catch (OperationCanceledException) when (!token.IsCancellationRequested)
            {
                // the window is over: what arrived is the observation
            }
            catch (Exception e) when (e is IOException or HttpRequestException or InvalidDataException or NotSupportedException)
            {
                return Observation(response, headersAfter, events, comments, clock.Elapsed, ended: false, error: DoctorFormat.Failure(e));
            }
            return Observation(response, headersAfter, events, comments, clock.Elapsed, ended: false, error: null);
        }

        SseObservation Observation(HttpResponseMessage? r, TimeSpan? headersAfter, List<SseEvent> received, int comments, TimeSpan watched, bool ended, string? error) => new(
            options.SseInterval,
            options.SseWindow,
            headersAfter,
            r is null ? null : (int)r.StatusCode,
            ProtocolName(version),
            r?.Content.Headers.ContentType?.MediaType,
            r is not null && r.Headers.TryGetValues("Cache-Control", out var cache) ? cache.ToArray() : [],
            r?.Content.Headers.ContentEncoding.ToArray() ?? [],
            received,
            comments,
            watched,
            ended,
            error,
            r is null ? null : BackendEcho.From("sse", r));
    }

    public static string ProtocolName(Version version) => version.Major >= 2 ? $"HTTP/{version.Major}" : $"HTTP/{version}";

    private static string? Field(string line, string name) =>
        line.StartsWith(name + ":", StringComparison.Ordinal) ? line[(name.Length + 1)..].TrimStart(' ') : null;

    private static Stream Decode(Stream body, ICollection<string> encodings)
    {
        foreach (var encoding in encodings.Reverse())
        {
            body = encoding.ToLowerInvariant() switch
            {
                "gzip" or "x-gzip" => new GZipStream(body, CompressionMode.Decompress),
                "deflate" => new ZLibStream(body, CompressionMode.Decompress),
                "br" => new BrotliStream(body, CompressionMode.Decompress),
                "identity" => body,
                _ => throw new NotSupportedException($"cannot read Content-Encoding {encoding}"),
            };
        }
        return body;
    }
}
