using System.ComponentModel;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Pulumi.Experimental.Provider;
using RealtimeStack.Edge.Configuration;

namespace RealtimeStack.Components;

/// <summary>
/// The Pulumi package schema of the components, as the provider host serves it to <c>pulumi package add</c>.
/// The SDK's analyzer gives names and types; it has no descriptions, defaults or secrets, so they are added here
/// from their one source: the core's key table for settings, <c>[Description]</c> for everything else.
/// </summary>
internal static class PackageSchema
{
    /// <summary>The package's version: the assembly's (Directory.Build.props' Version), without build metadata.</summary>
    public static string Version { get; } = typeof(PackageSchema).Assembly
        .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
        .Cast<System.Reflection.AssemblyInformationalVersionAttribute>().Single().InformationalVersion.Split('+')[0];

    public static Metadata Metadata { get; } = new(ComponentTypes.Package, Version: Version, DisplayName: "RealtimeStack");

    public static Type[] Components { get; } = [typeof(RealtimeEdge)];

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Json()
    {
        var spec = ComponentAnalyzer.GenerateSchema(Metadata, Components);
        var schema = JsonSerializer.SerializeToNode(spec, Indented)!.AsObject();
        schema["description"] = "SSE and WebSocket services behind nginx: Docker or ingress-nginx, from one validated model.";
        var types = schema["types"]!.AsObject();
        foreach (var component in Components)
        {
            var resource = schema["resources"]![$"{ComponentTypes.Package}:index:{component.Name}"]!.AsObject();
            resource["description"] = DescriptionOf(component);
            var argsType = component.GetConstructors().Single().GetParameters()[1].ParameterType;
            DescribeInputs(resource["inputProperties"]!.AsObject(), argsType, "", types);
            foreach (var property in component.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Where(p => AttributeNames.OutputName(p) is not null))
                resource["properties"]![AttributeNames.OutputName(property)!]!["description"] = DescriptionOf(property);
        }
        return schema.ToJsonString(Indented) + "\n";
    }

    private static void DescribeInputs(JsonObject properties, Type argsType, string prefix, JsonObject types)
    {
        foreach (var property in argsType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = AttributeNames.InputName(property) ?? throw new InvalidOperationException($"{argsType.Name}.{property.Name} has no [Input] name");
            var node = properties[name]!.AsObject();
            var path = prefix + name;
            if (ConfigKey.Find(path) is { } key)
            {
                Describe(node, key);
                // A renamed input's old name: still read, and said to go.
                if (property.GetCustomAttribute<ObsoleteAttribute>() is { Message: { } message }) node["deprecationMessage"] = message;
            }
            else if (typeof(Pulumi.ResourceArgs).IsAssignableFrom(property.PropertyType))
            {
                node["description"] = DescriptionOf(property.PropertyType);
                var typeName = property.PropertyType.Name[..^"Args".Length];
                DescribeInputs(types[$"{ComponentTypes.Package}:index:{typeName}"]!["properties"]!.AsObject(), property.PropertyType, path + ".", types);
            }
            else node["description"] = DescriptionOf(property);
        }
    }

    private static void Describe(JsonObject node, ConfigKey key)
    {
        var description = $"{key.Description} Stack config: `{key.FullName}`.";
        if (key.Default is { Length: > 0 } text)
        {
            switch (key.Kind)
            {
                case ValueKind.Integer: node["default"] = int.Parse(text, System.Globalization.CultureInfo.InvariantCulture); break;
                case ValueKind.Boolean: node["default"] = text == "true"; break;
                case ValueKind.Text: node["default"] = text; break;
                // The schema has no list defaults: the component applies it, and the description says it.
                case ValueKind.List: description += $" Default: {string.Join(", ", text.Split(','))}."; break;
            }
        }
        node["description"] = description;
        if (key.Secret) node["secret"] = true;
        // It decides which resources exist: the engine must know it when the edge is constructed (never an Output).
        if (ResourceShape.Decides(key))
        {
            node["plain"] = true;
            if (node["items"] is JsonObject items) items["plain"] = true;
        }
    }

    private static string DescriptionOf(MemberInfo member) =>
        member.GetCustomAttribute<DescriptionAttribute>()?.Description
        ?? throw new InvalidOperationException($"{member.DeclaringType?.Name}.{member.Name} needs a [Description] for the package schema");
}
