namespace RealtimeStack.Edge.Model;

/// <summary>The TLS versions an edge may offer; older ones are broken and refused.</summary>
public enum TlsProtocol
{
    Tls12,
    Tls13,
}

/// <summary>The protocols' names as nginx, ingress-nginx and the stack configuration all spell them.</summary>
public static class TlsProtocolNames
{
    public static string Name(this TlsProtocol protocol) => protocol switch
    {
        TlsProtocol.Tls12 => "TLSv1.2",
        _ => "TLSv1.3",
    };

    /// <summary>The protocol a name names, or null.</summary>
    public static TlsProtocol? Parse(string name) => Enum.GetValues<TlsProtocol>().Cast<TlsProtocol?>().FirstOrDefault(p => p!.Value.Name() == name);

    /// <summary>"TLSv1.2 or TLSv1.3".</summary>
    public static string Choices { get; } = string.Join(" or ", Enum.GetValues<TlsProtocol>().Select(p => p.Name()));
}
