using System.ComponentModel;
using Pulumi;

namespace RealtimeStack.Components.Inputs;

[Description("TLS on the HTTPS listener. Without a certificate and key a self-signed certificate is generated.")]
public sealed class TlsArgs : ResourceArgs
{
    private Input<string>? _certificatePem;
    private Input<string>? _privateKeyPem;

    /// <summary>Kept a secret whatever the caller passes, like the key.</summary>
    [Input("certificatePem")]
    public Input<string>? CertificatePem
    {
        get => _certificatePem;
        set => _certificatePem = Secret(value);
    }

    /// <summary>Kept a secret whatever the caller passes: it never reaches state or a preview in plaintext.</summary>
    [Input("privateKeyPem")]
    public Input<string>? PrivateKeyPem
    {
        get => _privateKeyPem;
        set => _privateKeyPem = Secret(value);
    }

    [Input("protocols")]
    public InputList<string>? Protocols { get; set; }

    [Input("http2")]
    public Input<bool>? Http2 { get; set; }

    [Input("bufferSize")]
    public Input<string>? BufferSize { get; set; }

    [Input("sessionCache")]
    public Input<string>? SessionCache { get; set; }

    [Input("hstsMaxAge")]
    public Input<string>? HstsMaxAge { get; set; }

    private static Input<string>? Secret(Input<string>? value) => value is null ? null : (Input<string>)Output.CreateSecret(value.ToOutput());
}
