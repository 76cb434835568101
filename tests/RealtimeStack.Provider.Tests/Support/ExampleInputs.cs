using Google.Protobuf.WellKnownTypes;
using RealtimeStack.Edge.Tls;
using YamlDotNet.RepresentationModel;

namespace RealtimeStack.Provider.Tests.Support;

/// <summary>
/// The inputs the engine sends for the programs in <c>examples/</c>: the YAML example's properties as written (its
/// secret config for the certificate and key), and the TypeScript example's, whose certificate and key are Outputs of
/// <c>@pulumi/tls</c> resources created in the same program (unknown in a preview, secret values in an update).
/// </summary>
public static class ExampleInputs
{
    /// <summary>A certificate and key for <paramref name="dnsNames"/>, PEM.</summary>
    public static (string Certificate, string Key) Certificate(params string[] dnsNames)
    {
        var pem = SelfSignedCertificate.Create(dnsNames, TimeSpan.FromDays(30));
        return (pem.CertificatePem, pem.PrivateKeyPem);
    }

    /// <summary>The YAML example's edge properties; <c>${tlsCert}</c> and <c>${tlsKey}</c> are its secret config.</summary>
    public static Struct Yaml((string Certificate, string Key) tls, bool unknownDomain = false)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(RepoPaths.Root, "examples", "yaml", "Pulumi.yaml"))));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var edge = (YamlMappingNode)((YamlMappingNode)root["resources"])["edge"];
        var properties = Of((YamlMappingNode)edge["properties"], tls).StructValue;
        if (unknownDomain) properties.Fields["domain"] = Wire.UnknownValue;
        return properties;
    }

    /// <summary>The TypeScript example's edge inputs (examples/typescript/index.ts).</summary>
    public static Struct TypeScript(Value certificate, Value key) => Wire.StructOf(new Dictionary<string, object?>
    {
        ["domain"] = "localhost",
        ["mode"] = "docker",
        ["backendImage"] = "registry.example.com/realtime/backend:1.4.2",
        ["listen"] = new Dictionary<string, object?> { ["httpPort"] = 8080, ["httpsPort"] = 8443 },
        ["tls"] = new Dictionary<string, object?> { ["certificatePem"] = certificate, ["privateKeyPem"] = key },
        ["upstreams"] = new Dictionary<string, object?>
        {
            ["api"] = new Dictionary<string, object?> { ["servers"] = new object?[] { "api-1:9000", "api-2:9001" } },
            ["sse"] = new Dictionary<string, object?> { ["servers"] = new object?[] { "sse-1:9100" } },
            ["ws"] = new Dictionary<string, object?> { ["servers"] = new object?[] { "ws-1:9200" } },
        },
        ["routes"] = new Dictionary<string, object?> { ["sse"] = new Dictionary<string, object?> { ["readTimeout"] = "2h" } },
    });

    private static Value Of(YamlNode node, (string Certificate, string Key) tls) => node switch
    {
        YamlMappingNode map => Value.ForStruct(Wire.StructOf(map.Children.ToDictionary(c => ((YamlScalarNode)c.Key).Value!, c => (object?)Of(c.Value, tls)))),
        YamlSequenceNode list => Value.ForList(list.Children.Select(c => Of(c, tls)).ToArray()),
        YamlScalarNode { Value: "${tlsCert}" } => Wire.Secret(tls.Certificate),
        YamlScalarNode { Value: "${tlsKey}" } => Wire.Secret(tls.Key),
        YamlScalarNode { Value: "true" or "false" } flag => Value.ForBool(flag.Value == "true"),
        YamlScalarNode scalar when long.TryParse(scalar.Value, out var number) => Value.ForNumber(number),
        YamlScalarNode scalar => Value.ForString(scalar.Value),
        _ => throw new ArgumentException($"no wire form for {node.NodeType}", nameof(node)),
    };
}
