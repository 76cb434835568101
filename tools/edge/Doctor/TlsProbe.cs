using System.Net;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace RealtimeStack.Cli.Doctor;

/// <summary>One TLS handshake offering h2 and http/1.1, accepting any certificate so that it can be judged.</summary>
public static class TlsProbe
{
    /// <exception cref="EdgeUnreachableException">No TCP connection to the HTTPS port.</exception>
    public static async Task<TlsObservation> RunAsync(EdgeConnector edge, CancellationToken token)
    {
        X509Certificate2? leaf = null;
        var presented = new X509Certificate2Collection();
        var errors = SslPolicyErrors.None;
        var problems = new List<string>();
        bool Capture(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors policyErrors)
        {
            errors = policyErrors;
            if (certificate is not null) leaf = new X509Certificate2(certificate);
            if (chain is null) return true;
            foreach (var element in chain.ChainElements) presented.Add(new X509Certificate2(element.Certificate));
            problems.AddRange(chain.ChainStatus.Where(s => s.Status != X509ChainStatusFlags.NoError)
                .Select(s => $"{s.StatusInformation.Trim().TrimEnd('.')} ({s.Status})"));
            return true; // judged afterwards, by TlsJudge
        }

        System.Net.Sockets.Socket socket;
        try
        {
            socket = await edge.ConnectAsync(edge.Options.HttpsUrl.Port, token);
        }
        catch (Exception e) when (e is System.Net.Sockets.SocketException or TimeoutException)
        {
            throw new EdgeUnreachableException($"cannot reach {edge.Options.HttpsUrl.GetLeftPart(UriPartial.Authority)}: {DoctorFormat.Failure(e)}", e);
        }
        var local = socket.LocalEndPoint is IPEndPoint endPoint ? (endPoint.Address.IsIPv4MappedToIPv6 ? endPoint.Address.MapToIPv4() : endPoint.Address) : null;
        try
        {
            await using var tls = await edge.AuthenticateAsync(socket, [SslApplicationProtocol.Http2, SslApplicationProtocol.Http11], Capture, token);
            var alpn = tls.NegotiatedApplicationProtocol.Protocol.IsEmpty ? null : tls.NegotiatedApplicationProtocol.ToString();
            return new TlsObservation(null, tls.SslProtocol, alpn, leaf, presented, errors, problems, local);
        }
        catch (Exception e) when (e is AuthenticationException or IOException)
        {
            var why = await SpeaksPlainHttpAsync(edge, token) ? "the port answers plain HTTP, not TLS" : DoctorFormat.Failure(e);
            return new TlsObservation(why, SslProtocols.None, null, leaf, presented, errors, problems, local);
        }
    }

    // TLS errors on a plain-HTTP port are cryptic ("corrupted frame"); asking it in HTTP tells the real story.
    private static async Task<bool> SpeaksPlainHttpAsync(EdgeConnector edge, CancellationToken token)
    {
        try
        {
            using var socket = await edge.ConnectAsync(edge.Options.HttpsUrl.Port, token);
            await using var stream = new System.Net.Sockets.NetworkStream(socket, ownsSocket: false);
            using var step = CancellationTokenSource.CreateLinkedTokenSource(token);
            step.CancelAfter(edge.Options.StepTimeout);
            await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes($"HEAD / HTTP/1.0\r\nHost: {edge.Authority}\r\n\r\n"), step.Token);
            var start = new byte[5];
            var read = await stream.ReadAtLeastAsync(start, start.Length, throwOnEndOfStream: false, step.Token);
            return read == start.Length && start.AsSpan().SequenceEqual("HTTP/"u8);
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or TimeoutException or OperationCanceledException && !token.IsCancellationRequested)
        {
            return false;
        }
    }
}
