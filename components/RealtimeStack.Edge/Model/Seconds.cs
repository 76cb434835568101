using System.Globalization;

namespace RealtimeStack.Edge.Model;

/// <summary>ingress-nginx and Kubernetes take whole seconds; a finer duration is rounded up, never down to 0.</summary>
public static class Seconds
{
    public static int Of(Duration duration) => Math.Max(1, duration.TotalSeconds);

    public static string Text(Duration duration) => Of(duration).ToString(CultureInfo.InvariantCulture);
}
