using System.ComponentModel;
using Pulumi;

namespace RealtimeStack.Components.Inputs;

[Description("Where the client's address comes from when load balancers stand in front of the edge.")]
public sealed class ClientsArgs : ResourceArgs
{
    [Input("trustedProxies")]
    public InputList<string>? TrustedProxies { get; set; }

    [Input("proxyProtocol")]
    public Input<bool>? ProxyProtocol { get; set; }
}
