using System.Diagnostics;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;

namespace RealtimeStack.Cli.Tests.Commands;

/// <summary>
/// <c>edge serve</c> as a newcomer runs it: the edge comes up and stays up, its printed URL answers with the printed
/// certificate trusted, and Ctrl+C (SIGINT) stops nginx (by its process id) and the backends. Run as a process, as
/// from a terminal.
/// </summary>
public sealed partial class ServeCommandTests
{
    [Fact]
    public async Task The_edge_stays_up_answers_at_the_printed_url_and_stops_on_ctrl_c()
    {
        var edgeDll = RepoPaths.BuiltProgram("tools/edge", "edge.dll");
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoPaths.Root };
        foreach (var arg in new[] { "exec", edgeDll, "serve", "--stack", "dev", "--set", "realtime:maxStreams=1000" }) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var errors = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) => { lock (errors) errors.AppendLine(e.Data); };
        process.BeginErrorReadLine();
        try
        {
            // The description, up to the last ready-to-paste command (bounded: nginx and four backends start).
            using var startup = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var lines = new List<string>();
            while (!(lines.LastOrDefault()?.Contains("-- doctor ", StringComparison.Ordinal) ?? false))
                lines.Add(await process.StandardOutput.ReadLineAsync(startup.Token) ?? throw new InvalidOperationException($"edge serve ended: {errors}"));
            var text = string.Join('\n', lines);
            var https = new Uri(Field().Match(text) is { Success: true } m ? m.Groups["https"].Value : throw new InvalidOperationException(text));
            var trust = Regex.Match(text, @"trust\s+(\S+)").Groups[1].Value;
            var nginxPid = int.Parse(Regex.Match(text, @"\(pid (\d+)\)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(File.Exists(trust), text);
            Assert.Contains($"curl --cacert {trust} --resolve {https.Host}:{https.Port}:127.0.0.1 {https}api/hello", text);
            Assert.Contains("-- status http://127.0.0.1:", text);

            // The printed URL answers, the printed certificate trusted (and nothing else).
            var ca = new X509Certificate2Collection();
            ca.ImportFromPem(await File.ReadAllTextAsync(trust));
            using var handler = new SocketsHttpHandler
            {
                ConnectCallback = async (context, token) =>
                {
                    var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
                    await socket.ConnectAsync(IPAddress.Loopback, context.DnsEndPoint.Port, token);
                    return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
                },
                SslOptions = new System.Net.Security.SslClientAuthenticationOptions
                {
                    CertificateChainPolicy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, CustomTrustStore = { ca[0] } },
                },
            };
            using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(20) };
            using (var api = await http.GetAsync(new Uri(https, "api/hello")))
                Assert.Equal(HttpStatusCode.OK, api.StatusCode);
            // Still up a moment later: serve keeps the edge, unlike check.
            await Task.Delay(TimeSpan.FromSeconds(2));
            using (var again = await http.GetAsync(new Uri(https, "api/again")))
                Assert.Equal(HttpStatusCode.OK, again.StatusCode);

            // The printed doctor command passes against it, the certificate trusted (a short idle hold).
            var doctorLine = lines.Last().Trim();
            var doctorArgs = doctorLine[(doctorLine.IndexOf("-- ", StringComparison.Ordinal) + 3)..].Split(' ');
            var doctor = await Support.CommandRun.RunAsync([.. doctorArgs, "--duration", "1"]);
            Assert.True(doctor.ExitCode == 0, doctor.ToString());
            Assert.Contains("pass  tls-trust", doctor.Stdout);

            // Ctrl+C: everything it started stops, nginx by its process id.
            using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) kill.WaitForExit(5_000);
            Assert.True(process.WaitForExit(30_000), "edge serve did not stop on SIGINT");
            Assert.Equal(0, process.ExitCode);
            Assert.False(Directory.Exists($"/proc/{nginxPid}"), $"nginx (pid {nginxPid}) is still running");
            Assert.False(File.Exists(trust));
            lock (errors) Assert.Contains($"serve: stopped nginx (pid {nginxPid})", errors.ToString());
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
    }

    [GeneratedRegex(@"https\s+(?<https>https://\S+)")]
    private static partial Regex Field();
}
