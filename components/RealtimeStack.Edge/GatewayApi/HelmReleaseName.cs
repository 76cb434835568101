namespace RealtimeStack.Edge.GatewayApi;

/// <summary>Helm refuses release names over 53 characters (they prefix the chart's resource names).</summary>
public static class HelmReleaseName
{
    public const int MaxLength = 53;
}
