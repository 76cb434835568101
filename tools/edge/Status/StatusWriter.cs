using System.Globalization;
using System.Text.Json;

namespace RealtimeStack.Cli.Status;

/// <summary>A sample as text (a block, refreshed in place on a terminal) or as one JSON object a line.</summary>
public static class StatusWriter
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static IReadOnlyList<string> Lines(Uri url, StatusSample sample)
    {
        var s = sample.Status;
        var rates = sample.Rates is { } r
            ? $"{F(r.AcceptedPerSecond)} connections/s, {F(r.RequestsPerSecond)} requests/s, {F(r.DroppedPerSecond)} dropped/s over {F(r.Seconds)} s"
            : "needs a second sample (--watch S)";
        return
        [
            $"edge status {url}  {sample.Time:HH:mm:ss}",
            $"  connections  active {s.Active}: reading {s.Reading}, writing {s.Writing}, waiting {s.Waiting}",
            $"  totals       accepted {s.Accepted}, handled {s.Handled}, requests {s.Requests}",
            $"  rate         {rates}",
            $"  streams      ~{sample.Streams}",
            $"  how          {StreamEstimate.Explanation}",
        ];
    }

    public static string JsonLine(Uri url, StatusSample sample)
    {
        var s = sample.Status;
        return JsonSerializer.Serialize(new
        {
            time = sample.Time.ToString("O", CultureInfo.InvariantCulture),
            url = url.ToString(),
            active = s.Active,
            reading = s.Reading,
            writing = s.Writing,
            waiting = s.Waiting,
            accepted = s.Accepted,
            handled = s.Handled,
            requests = s.Requests,
            rates = sample.Rates is { } r
                ? new { seconds = r.Seconds, acceptedPerSecond = r.AcceptedPerSecond, requestsPerSecond = r.RequestsPerSecond, droppedPerSecond = r.DroppedPerSecond }
                : null,
            streams = sample.Streams,
            // The formula only: the explanation is the text output's and the docs', not repeated on every line.
            streamsFrom = StreamEstimate.Formula,
        }, Json);
    }

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
