using Google.Protobuf.WellKnownTypes;

namespace RealtimeStack.Provider.Tests.Support;

/// <summary>
/// Property values as the Pulumi engine puts them on the wire (google.protobuf.Struct): an unknown value is a sentinel
/// string, a secret an object marked with the secret signature around its value (sdk/go/common/resource/plugin/rpc.go).
/// </summary>
public static class Wire
{
    public const string Unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    public const string SignatureKey = "4dabf18193072939515e22adb298388d";
    public const string SecretSignature = "1b47061264138c4ac30d75fd1eb44270";

    public static Value UnknownValue => Value.ForString(Unknown);

    public static Value Secret(string text) => Value.ForStruct(new Struct
    {
        Fields = { [SignatureKey] = Value.ForString(SecretSignature), ["value"] = Value.ForString(text) },
    });

    /// <summary>A value from plain data: strings, numbers, booleans, lists and string-keyed maps (Values kept as they are).</summary>
    public static Value Of(object? data) => data switch
    {
        null => Value.ForNull(),
        Value value => value,
        string text => Value.ForString(text),
        bool flag => Value.ForBool(flag),
        int or long or double => Value.ForNumber(Convert.ToDouble(data, System.Globalization.CultureInfo.InvariantCulture)),
        IDictionary<string, object?> map => Value.ForStruct(StructOf(map)),
        IEnumerable<object?> list => Value.ForList(list.Select(Of).ToArray()),
        _ => throw new ArgumentException($"no wire form for {data.GetType().Name}", nameof(data)),
    };

    public static Struct StructOf(IDictionary<string, object?> map)
    {
        var result = new Struct();
        foreach (var (key, value) in map) result.Fields[key] = Of(value);
        return result;
    }

    public static bool IsUnknown(Value value) => value.KindCase == Value.KindOneofCase.StringValue && value.StringValue == Unknown;

    public static bool IsSecret(Value value) =>
        value.KindCase == Value.KindOneofCase.StructValue
        && value.StructValue.Fields.TryGetValue(SignatureKey, out var signature)
        && signature.StringValue == SecretSignature;

    /// <summary>The strings of a value that contain <paramref name="needle"/> outside any secret, by path.</summary>
    public static IEnumerable<string> PlainPaths(Value value, string needle, string path = "")
    {
        if (IsSecret(value)) yield break;
        switch (value.KindCase)
        {
            case Value.KindOneofCase.StringValue when value.StringValue.Contains(needle, StringComparison.Ordinal):
                yield return path;
                break;
            case Value.KindOneofCase.StructValue:
                foreach (var (key, child) in value.StructValue.Fields)
                    foreach (var found in PlainPaths(child, needle, $"{path}.{key}")) yield return found;
                break;
            case Value.KindOneofCase.ListValue:
                for (var i = 0; i < value.ListValue.Values.Count; i++)
                    foreach (var found in PlainPaths(value.ListValue.Values[i], needle, $"{path}[{i}]")) yield return found;
                break;
        }
    }
}
