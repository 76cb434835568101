using System.Globalization;

namespace RealtimeStack.Edge.Model;

/// <summary>Numbers as configuration files write them, whatever the machine's culture.</summary>
public static class InvariantText
{
    public static string Of(int value) => value.ToString(CultureInfo.InvariantCulture);
}
