using System.Reflection;
using Pulumi;

namespace RealtimeStack.Components;

/// <summary>The names given in <c>[Input("…")]</c> and <c>[Output("…")]</c> (the SDK keeps them internal).</summary>
internal static class AttributeNames
{
    public static string? InputName(PropertyInfo property) => FirstArgument<InputAttribute>(property);

    public static string? OutputName(PropertyInfo property) => FirstArgument<OutputAttribute>(property) ?? (Has<OutputAttribute>(property) ? property.Name : null);

    private static bool Has<T>(PropertyInfo property) => property.GetCustomAttributesData().Any(a => a.AttributeType == typeof(T));

    private static string? FirstArgument<T>(PropertyInfo property) =>
        property.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType == typeof(T)) is { ConstructorArguments: [{ Value: string name }, ..] }
            ? name
            : null;
}
