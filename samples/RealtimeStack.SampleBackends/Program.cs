using System.Globalization;
using System.Net;
using RealtimeStack.SampleBackends;

// The sample backend as a process (the dev stack's container image). Settings come from the environment:
// PORT (default 9000), INSTANCE_ID (default: host name), BIND (default 0.0.0.0), SSE_RETRY_MS and
// SSE_RETRY_SPREAD_MS (each SSE stream's retry: is the first plus a random part of the second; defaults in
// SampleBackendOptions).
var port = int.TryParse(Environment.GetEnvironmentVariable("PORT"), NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 9000;
var instance = Environment.GetEnvironmentVariable("INSTANCE_ID") is { Length: > 0 } id ? id : Dns.GetHostName();
var bind = IPAddress.TryParse(Environment.GetEnvironmentVariable("BIND"), out var address) ? address : IPAddress.Any;
var defaults = new SampleBackendOptions(instance, bind, port);
var retry = Setting("SSE_RETRY_MS", defaults.SseRetry);
var spread = Setting("SSE_RETRY_SPREAD_MS", defaults.SseRetrySpread);
if (retry is null || spread is null) return 2; // each bad one is named on stderr

await using var backend = await SampleBackend.StartAsync(defaults with { SseRetry = retry.Value, SseRetrySpread = spread.Value });
Console.WriteLine($"sample backend {instance} listening on {bind}:{backend.Port} (/api/, /sse/, /ws/, /healthz)");
// SIGTERM (docker stop, a pod's termination) and SIGINT (Ctrl+C) begin the stop: streams are told to reconnect and
// end, and disposing the backend stops it at once, instead of waiting for the container's whole grace period.
var done = new TaskCompletionSource();
using var onStopping = backend.Stopping.Register(() => done.TrySetResult());
await done.Task;
Console.WriteLine($"sample backend {instance} stopping");
return 0;

static TimeSpan? Setting(string name, TimeSpan fallback) =>
    SampleEnvironment.Milliseconds(name, Environment.GetEnvironmentVariable(name), fallback, Console.Error);
