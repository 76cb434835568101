using System.Net;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace RealtimeStack.Cli.Doctor;

/// <summary>What one TLS handshake with the edge showed: the protocol and ALPN it chose, the certificate chain it
/// presented, and how that chain fared against the system's CAs.</summary>
/// <param name="HandshakeError">Why the handshake failed, or null.</param>
/// <param name="SystemChainProblems">Chain status from the system's verification, empty when it verified.</param>
/// <param name="LocalAddress">This client's address on the connection (to compare with what the backends are told).</param>
public sealed record TlsObservation(
    string? HandshakeError,
    SslProtocols Protocol,
    string? ApplicationProtocol,
    X509Certificate2? Leaf,
    X509Certificate2Collection Presented,
    SslPolicyErrors SystemErrors,
    IReadOnlyList<string> SystemChainProblems,
    IPAddress? LocalAddress);
