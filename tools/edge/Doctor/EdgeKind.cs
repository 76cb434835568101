namespace RealtimeStack.Cli.Doctor;

/// <summary>The kinds of edge the fixes are written for (<c>--edge</c>).</summary>
public enum EdgeKind
{
    Nginx,
    IngressNginx,
    EnvoyGateway,
}
