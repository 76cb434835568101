using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using RealtimeStack.Provider.Tests.Support;

namespace RealtimeStack.Provider.Tests;

/// <summary>
/// The component provider driven over gRPC as the Pulumi engine drives it: <c>Construct</c> in a preview (dry run)
/// and in an update, with the programs of <c>examples/</c>, with their domain or certificate unknown, and with bad
/// input. The test engine records every registration the plugin makes.
/// </summary>
public sealed class ConstructTests
{
    private static readonly Lazy<(string Certificate, string Key)> Realtime = new(() => ExampleInputs.Certificate("realtime.example.com", "www.realtime.example.com"));
    private static readonly Lazy<(string Certificate, string Key)> Localhost = new(() => ExampleInputs.Certificate("localhost"));

    public static TheoryData<string> Examples => new() { "yaml", "typescript" };

    /// <summary>An example's inputs: as written, or with its domain or certificate and key unknown.</summary>
    private static Struct Inputs(string example, string unknown) => example switch
    {
        "yaml" => unknown == "certificate"
            ? WithUnknownCertificate(ExampleInputs.Yaml(Realtime.Value))
            : ExampleInputs.Yaml(Realtime.Value, unknownDomain: unknown == "domain"),
        _ => unknown == "certificate"
            ? ExampleInputs.TypeScript(Wire.UnknownValue, Wire.UnknownValue)
            : WithDomain(ExampleInputs.TypeScript(Wire.Secret(Localhost.Value.Certificate), Wire.Secret(Localhost.Value.Key)), unknown == "domain"),
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task An_example_previews_its_full_resource_list_whatever_is_unknown(string example)
    {
        await using var session = await EngineSession.StartAsync();
        var known = await PreviewAsync(session, Inputs(example, ""));
        Assert.True(known.Resources.Count > 10, string.Join("\n", known.Resources));
        foreach (var unknown in new[] { "domain", "certificate" })
        {
            var preview = await PreviewAsync(session, Inputs(example, unknown));
            Assert.Equal(known.Resources, preview.Resources);
            // The engine's outputs: what does not read the unknown input is known.
            Assert.False(Wire.IsUnknown(preview.Response.State.Fields["mode"]));
            Assert.False(Wire.IsUnknown(preview.Response.State.Fields["serviceNames"]));
            Assert.Equal(unknown == "domain", Wire.IsUnknown(preview.Response.State.Fields["publicUrl"]));
        }
        // The update registers the same resources.
        var update = await ConstructAsync(session, Inputs(example, ""), dryRun: false);
        Assert.Equal(known.Resources, update.Resources);
        Assert.Equal(example == "yaml" ? "https://realtime.example.com/" : "https://localhost:8443/", update.Response.State.Fields["publicUrl"].StringValue);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Every_child_is_the_edges_and_the_key_is_never_in_plain_text(string example)
    {
        await using var session = await EngineSession.StartAsync();
        foreach (var dryRun in new[] { true, false })
        {
            var run = await ConstructAsync(session, Inputs(example, ""), dryRun);
            var edge = run.Response.Urn;
            var byUrn = run.Registrations.ToDictionary(r => r.Urn);
            Assert.Contains(edge, byUrn.Keys);
            foreach (var registration in run.Registrations.Where(r => r.Urn != edge))
            {
                var parent = registration.Parent;
                while (parent != edge && byUrn.TryGetValue(parent, out var up)) parent = up.Parent;
                Assert.True(parent == edge, $"{registration.Urn} is not under the edge");
            }
            var leaks = run.Registrations.SelectMany(r => Wire.PlainPaths(Value.ForStruct(r.Inputs), "PRIVATE KEY", r.Urn))
                .Concat(session.Engine.Outputs.SelectMany(o => Wire.PlainPaths(Value.ForStruct(o.Outputs), "PRIVATE KEY", o.Urn)))
                .Concat(Wire.PlainPaths(Value.ForStruct(run.Response.State), "PRIVATE KEY", "construct response"))
                .Concat(session.Engine.Logs.Where(l => l.Contains("PRIVATE KEY", StringComparison.Ordinal)))
                .ToArray();
            Assert.True(leaks.Length == 0, string.Join("\n", leaks));
            // The key reached what needs it, as a secret.
            Assert.Contains(run.Registrations, r => r.Inputs.ToString().Contains(Wire.SecretSignature, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_bad_value_fails_the_preview_naming_its_input_while_the_domain_is_unknown()
    {
        await using var session = await EngineSession.StartAsync();
        var inputs = Inputs("yaml", "domain");
        inputs.Fields["routes"].StructValue.Fields["sse"].StructValue.Fields["readTimeout"] = Value.ForString("2 h");
        var e = await Assert.ThrowsAsync<RpcException>(() => session.ConstructAsync(inputs, dryRun: true));
        Assert.Contains("routes.sse.readTimeout: ", e.Status.Detail);
        Assert.DoesNotContain("domain:", e.Status.Detail);
        Assert.DoesNotContain(session.Engine.Registrations, r => r.Type != EngineSession.EdgeType);
    }

    [Fact]
    public async Task A_bad_plain_input_fails_before_anything_is_registered()
    {
        await using var session = await EngineSession.StartAsync();
        var inputs = Inputs("yaml", "");
        inputs.Fields["mode"] = Value.ForString("kubernets");
        var e = await Assert.ThrowsAsync<RpcException>(() => session.ConstructAsync(inputs, dryRun: true));
        Assert.Contains("mode: must be docker, kubernetes or gateway (got 'kubernets')", e.Status.Detail);
        Assert.Empty(session.Engine.Registrations);
    }

    /// <summary>An input the edge's mode does not use changes nothing there: the preview says so as a warning on the
    /// edge, naming the input and the modes that use it; the example as written draws none.</summary>
    [Fact]
    public async Task An_input_the_mode_does_not_use_is_a_warning_at_preview()
    {
        await using var session = await EngineSession.StartAsync();
        await PreviewAsync(session, Inputs("yaml", ""));
        Assert.DoesNotContain(session.Engine.Logs, l => l.StartsWith("Warning", StringComparison.Ordinal));

        var inputs = Inputs("yaml", "");
        var listen = new Struct();
        listen.Fields["httpsPort"] = Value.ForNumber(8443);
        inputs.Fields["listen"] = Value.ForStruct(listen);
        await PreviewAsync(session, inputs);
        var warning = Assert.Single(session.Engine.Logs, l => l.StartsWith("Warning", StringComparison.Ordinal));
        Assert.Contains(EngineSession.EdgeType, warning, StringComparison.Ordinal);
        Assert.EndsWith(": listen.httpsPort: has no effect in kubernetes mode (it acts in docker and gateway mode); remove it from this stack or change the mode", warning, StringComparison.Ordinal);
    }

    private sealed record Run(ConstructResponseView Response, IReadOnlyList<Registration> Registrations, IReadOnlyList<string> Resources);

    private sealed record ConstructResponseView(string Urn, Struct State);

    private static Task<Run> PreviewAsync(EngineSession session, Struct inputs) => ConstructAsync(session, inputs, dryRun: true);

    private static async Task<Run> ConstructAsync(EngineSession session, Struct inputs, bool dryRun)
    {
        session.Engine.Registrations.Clear();
        session.Engine.Outputs.Clear();
        var response = await session.ConstructAsync(inputs, dryRun);
        var registrations = session.Engine.Registrations.ToArray();
        return new Run(new ConstructResponseView(response.Urn, response.State), registrations,
            registrations.Select(r => $"{r.Type} {r.Name}").Order(StringComparer.Ordinal).ToArray());
    }

    private static Struct WithUnknownCertificate(Struct inputs)
    {
        inputs.Fields["tls"].StructValue.Fields["certificatePem"] = Wire.UnknownValue;
        inputs.Fields["tls"].StructValue.Fields["privateKeyPem"] = Wire.UnknownValue;
        return inputs;
    }

    private static Struct WithDomain(Struct inputs, bool unknown)
    {
        if (unknown) inputs.Fields["domain"] = Wire.UnknownValue;
        return inputs;
    }
}
