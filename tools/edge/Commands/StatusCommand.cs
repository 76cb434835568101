using System.Globalization;
using System.Net;
using RealtimeStack.Cli.Doctor;
using RealtimeStack.Cli.Status;
using RealtimeStack.Edge.Model;

namespace RealtimeStack.Cli.Commands;

/// <summary>
/// <c>edge status URL</c>: nginx's connection counters from the status listener (realtime:statusPort), the rates
/// since the previous sample, and the open streams they imply. Exit 0 read, 1 not readable or not the status,
/// 2 bad arguments.
/// </summary>
public static class StatusCommand
{
    public const string Usage = "edge status URL [--connect-to ADDRESS] [--watch SECONDS] [--samples N] [--json]";

    /// <summary>Bound on one reading.</summary>
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(5);

    public static int Run(IEnumerable<string> args, TextWriter stdout, TextWriter stderr, CancellationToken token = default)
    {
        var reader = new ArgReader(args);
        var json = reader.Flag("--json");
        var connectToArg = reader.Option("--connect-to");
        var watchArg = reader.Option("--watch");
        var samplesArg = reader.Option("--samples");
        var urlArg = reader.Positional();
        reader.Done(Usage);

        var problems = new List<string>();
        var url = ParseUrl(urlArg, problems);
        var connectTo = ConnectToArgument.Parse(connectToArg, problems);
        var watch = DurationArgument.Parse(watchArg, problems, "--watch");
        int? samples = null;
        if (samplesArg is not null)
        {
            if (int.TryParse(samplesArg, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1) samples = n;
            else problems.Add($"--samples '{samplesArg}' must be a whole number from 1");
        }
        if (samples > 1 && watch is null) problems.Add("--samples above 1 needs --watch SECONDS (the time between samples)");
        if (problems.Count > 0 || url is null) throw new UsageException([.. problems, "usage: " + Usage]);

        // Without --watch one sample; with it, until --samples or Ctrl+C.
        var limit = watch is null ? 1 : samples ?? int.MaxValue;
        var inPlace = !json && watch is not null && ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(token);
        ConsoleCancelEventHandler? onCancel = null;
        if (watch is not null && samples is null)
        {
            onCancel = (_, e) => { e.Cancel = true; stop.Cancel(); };
            Console.CancelKeyPress += onCancel;
        }
        try
        {
            return Task.Run(() => SampleAsync(url, connectTo, watch, limit, json, inPlace, stdout, stderr, stop.Token)).GetAwaiter().GetResult();
        }
        finally
        {
            if (onCancel is not null) Console.CancelKeyPress -= onCancel;
        }
    }

    private static async Task<int> SampleAsync(Uri url, IPAddress? connectTo, TimeSpan? watch, int limit, bool json, bool inPlace,
        TextWriter stdout, TextWriter stderr, CancellationToken token)
    {
        using var reader = new StatusReader(url, connectTo, ReadTimeout);
        StatusSample? previous = null;
        var printed = 0;
        for (var taken = 0; taken < limit && !token.IsCancellationRequested; taken++)
        {
            if (taken > 0)
            {
                try { await Task.Delay(watch!.Value, token); }
                catch (OperationCanceledException) { break; }
            }
            StubStatus status;
            try
            {
                status = await reader.ReadAsync(token);
            }
            catch (StatusUnavailableException e)
            {
                stderr.WriteLine("error: " + e.Message);
                return 1;
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                break;
            }
            var sample = StatusSample.Next(DateTimeOffset.Now, status, previous);
            previous = sample;
            if (json)
            {
                stdout.WriteLine(StatusWriter.JsonLine(url, sample));
                continue;
            }
            var lines = StatusWriter.Lines(url, sample);
            // On a terminal: move up over the previous block and clear it, so the block refreshes in place.
            if (inPlace && printed > 0) stdout.Write($"\u001b[{printed}F\u001b[J");
            foreach (var line in lines) stdout.WriteLine(line);
            printed = lines.Count;
        }
        stdout.Flush();
        return 0;
    }

    private static Uri? ParseUrl(string? raw, List<string> problems)
    {
        const string example = "http://127.0.0.1:8089/stub_status";
        if (raw is null)
        {
            problems.Add($"the status URL is missing (for example {example}: realtime:statusPort, path {MetricsSpec.StatusPath})");
            return null;
        }
        if (!Uri.TryCreate(raw, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttp)
        {
            problems.Add($"'{InputText.Shorten(raw, 80)}' is not an absolute http URL (for example {example}): the status listener is plain HTTP");
            return null;
        }
        if (url.Query.Length > 0 || url.Fragment.Length > 0 || url.UserInfo.Length > 0)
        {
            problems.Add($"'{raw}' must not have a user, query or fragment");
            return null;
        }
        // The listener alone (path /) means its status path.
        return url.AbsolutePath == "/" ? new UriBuilder(url) { Path = MetricsSpec.StatusPath }.Uri : url;
    }
}
