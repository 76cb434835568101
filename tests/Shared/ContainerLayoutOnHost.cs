using RealtimeStack.Edge.Nginx;

namespace RealtimeStack.Tests.Shared;

/// <summary>
/// The container layout checked by this host's nginx: <c>nginx -t</c> binds every listener, the status socket too,
/// whose directory is a Docker volume that exists only in the container. Here it moves into the test's directory;
/// everything else stays as Docker mode ships it.
/// </summary>
public static class ContainerLayoutOnHost
{
    public static NginxLayout Layout(string directory) => NginxLayout.Container with { StatusSocket = NginxLayout.Local(directory).StatusSocket };

    /// <summary>Moves the socket of an nginx.conf rendered for the container (by <c>edge render</c>) into <paramref name="directory"/>.</summary>
    public static void MoveStatusSocket(string directory)
    {
        var path = Path.Combine(directory, "nginx.conf");
        var text = File.ReadAllText(path);
        var container = $"listen {StatusSocket.Container.Listen};";
        Assert.Contains(container, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(container, $"listen {Layout(directory).StatusSocket!.Listen};", StringComparison.Ordinal));
    }
}
