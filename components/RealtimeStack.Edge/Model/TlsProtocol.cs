namespace RealtimeStack.Edge.Model;

/// <summary>The TLS versions an edge may offer; older ones are broken and refused.</summary>
public enum TlsProtocol
{
    Tls12,
    Tls13,
}
