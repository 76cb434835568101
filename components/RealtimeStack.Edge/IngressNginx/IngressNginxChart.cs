namespace RealtimeStack.Edge.IngressNginx;

/// <summary>
/// The ingress-nginx release this project pins. Kubernetes SIG Network retired ingress-nginx (announced
/// 2025-11-11; no releases or security fixes after March 2026): these are its last releases. Keep them pinned,
/// and keep the door open for the Gateway API.
/// </summary>
public static class IngressNginxChart
{
    public const string Name = "ingress-nginx";
    public const string Version = "4.15.1";
    public const string ControllerVersion = "v1.15.1";
    public const string Repository = "https://kubernetes.github.io/ingress-nginx";
    public const string AnnotationPrefix = "nginx.ingress.kubernetes.io/";

    /// <summary>The controller's own namespace, beside the backends'.</summary>
    public static string NamespaceOf(Model.DeploymentSpec deployment) => deployment.Namespace + "-ingress";
}
