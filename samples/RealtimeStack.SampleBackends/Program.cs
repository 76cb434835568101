using System.Globalization;
using System.Net;
using RealtimeStack.SampleBackends;

// The sample backend as a process (the dev stack's container image). Settings come from the environment:
// PORT (default 9000), INSTANCE_ID (default: host name), BIND (default 0.0.0.0).
var port = int.TryParse(Environment.GetEnvironmentVariable("PORT"), NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 9000;
var instance = Environment.GetEnvironmentVariable("INSTANCE_ID") is { Length: > 0 } id ? id : Dns.GetHostName();
var bind = IPAddress.TryParse(Environment.GetEnvironmentVariable("BIND"), out var address) ? address : IPAddress.Any;

await using var backend = await SampleBackend.StartAsync(new SampleBackendOptions(instance, bind, port));
Console.WriteLine($"sample backend {instance} listening on {bind}:{backend.Port} (/api/, /sse/, /ws/, /healthz)");
// SIGTERM (docker stop, a pod's termination) and SIGINT (Ctrl+C) begin the stop: streams are told to reconnect and
// end, and disposing the backend stops it at once, instead of waiting for the container's whole grace period.
var done = new TaskCompletionSource();
using var onStopping = backend.Stopping.Register(() => done.TrySetResult());
await done.Task;
Console.WriteLine($"sample backend {instance} stopping");
