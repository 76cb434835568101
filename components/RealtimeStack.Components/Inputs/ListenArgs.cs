using System.ComponentModel;
using Pulumi;

namespace RealtimeStack.Components.Inputs;

[Description("The HTTP and HTTPS listeners.")]
public sealed class ListenArgs : ResourceArgs
{
    [Input("httpPort")]
    public Input<int>? HttpPort { get; set; }

    [Input("httpsPort")]
    public Input<int>? HttpsPort { get; set; }

    /// <summary>Plain (known when the edge is constructed): in gateway mode it decides whether the redirect route exists.</summary>
    [Input("redirectHttp")]
    public bool? RedirectHttp { get; set; }

    [Input("keepaliveTimeout")]
    public Input<string>? KeepaliveTimeout { get; set; }

    [Input("rejectUnknownHosts")]
    public Input<bool>? RejectUnknownHosts { get; set; }
}
