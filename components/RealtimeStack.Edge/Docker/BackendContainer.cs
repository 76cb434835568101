using RealtimeStack.Edge.Model;

namespace RealtimeStack.Edge.Docker;

/// <summary>One backend container: its network alias is the host name nginx.conf proxies to.</summary>
public sealed record BackendContainer(BackendRole Role, string Alias, int Port)
{
    /// <summary>The sample backends report this as X-Backend-Instance.</summary>
    public string InstanceId => Alias;
}
