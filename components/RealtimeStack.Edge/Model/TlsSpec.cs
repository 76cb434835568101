namespace RealtimeStack.Edge.Model;

/// <summary>
/// TLS on the HTTPS listener. <see cref="Material"/> is null when the certificate comes from elsewhere
/// (a generated dev certificate, or a secret the caller holds); the rendered file only names the paths.
/// </summary>
public sealed record TlsSpec(
    TlsMaterial? Material,
    IReadOnlyList<TlsProtocol> Protocols,
    bool Http2,
    ByteSize BufferSize,
    ByteSize SessionCacheSize,
    Duration HstsMaxAge)
{
    /// <summary>The Strict-Transport-Security header value, or null when HSTS is off (max age 0).</summary>
    public string? StrictTransportSecurity => HstsMaxAge.Value > TimeSpan.Zero
        ? "max-age=" + HstsMaxAge.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : null;
}
