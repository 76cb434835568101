using System.Collections.Concurrent;
using System.Collections.Immutable;
using Moq;
using Pulumi.Testing;

namespace RealtimeStack.Components.Tests.Support;

/// <summary>
/// An <see cref="IMocks"/> (Moq) that records every resource registration and answers with its inputs plus the
/// outputs a provider would compute (ids, generated names, random strings, certificates) — or, as in a first
/// <c>pulumi preview</c> (<see cref="FirstPreview"/>), with its inputs alone and no id, so that every computed
/// output is unknown.
/// </summary>
public sealed class RecordingMocks
{
    /// <summary>Answer as a provider does in a first preview: no id, no computed output (use with a preview run).</summary>
    public bool FirstPreview { get; init; }

    public const string FakeCertificatePem = "-----BEGIN CERTIFICATE-----\nMOCK\n-----END CERTIFICATE-----\n";
    public const string FakePrivateKeyPem = "-----BEGIN PRIVATE KEY-----\nMOCK\n-----END PRIVATE KEY-----\n";

    public ConcurrentQueue<MockResourceArgs> Registered { get; } = new();

    public Dictionary<string, ImmutableDictionary<string, object>> StackReferenceOutputs { get; } = new();

    /// <summary>Component outputs as registered, secret bit included.</summary>
    public ConcurrentQueue<MockRegisterResourceOutputsRequest> RegisteredOutputs { get; } = new();

    public Mock<IMocks> Mock { get; } = new(MockBehavior.Strict);

    public RecordingMocks()
    {
        Mock.Setup(m => m.NewResourceAsync(It.IsAny<MockResourceArgs>())).ReturnsAsync((MockResourceArgs args) =>
        {
            Registered.Enqueue(args);
            var state = ImmutableDictionary.CreateBuilder<string, object>();
            state.AddRange(args.Inputs);
            // A new resource in a first preview: the inputs come back, the id and every computed output are unknown.
            if (FirstPreview && args.Type != "pulumi:pulumi:StackReference") return ("", (object)state.ToImmutable());
            // The Kubernetes provider names an object without metadata.name: resource name plus a random suffix.
            if (args.Type!.StartsWith("kubernetes:", StringComparison.Ordinal)
                && args.Inputs.TryGetValue("metadata", out var metadata) && metadata is ImmutableDictionary<string, object> meta && !meta.ContainsKey("name"))
                state["metadata"] = meta.Add("name", AutoName(args.Name!));
            switch (args.Type)
            {
                case "random:index/randomString:RandomString":
                    state["result"] = "abc123";
                    break;
                case "tls:index/privateKey:PrivateKey":
                    state["privateKeyPem"] = FakePrivateKeyPem;
                    break;
                case "tls:index/selfSignedCert:SelfSignedCert":
                    state["certPem"] = FakeCertificatePem;
                    break;
                case "docker:index/remoteImage:RemoteImage":
                    // The id of the image pulled or built: another tag (or other build triggers) is another image.
                    state["imageId"] = "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
                        System.Text.Encoding.UTF8.GetBytes(string.Join("\n", args.Inputs.OrderBy(i => i.Key, StringComparer.Ordinal).Select(i => $"{i.Key}={i.Value}")))));
                    break;
                case "pulumi:pulumi:StackReference":
                    var name = (string)args.Inputs["name"];
                    state["outputs"] = StackReferenceOutputs.TryGetValue(name, out var outputs) ? outputs : ImmutableDictionary<string, object>.Empty;
                    state["secretOutputNames"] = ImmutableArray<object>.Empty;
                    break;
            }
            // A new resource arrives with an empty id; a provider returns a real one (an empty id reads as unknown).
            return (string.IsNullOrEmpty(args.Id) ? args.Name + "-id" : args.Id, (object)state.ToImmutable());
        });
        Mock.Setup(m => m.CallAsync(It.IsAny<MockCallArgs>())).ReturnsAsync((MockCallArgs args) => (object)args.Args);
        Mock.Setup(m => m.RegisterResourceOutputs(It.IsAny<MockRegisterResourceOutputsRequest>()))
            .Callback((MockRegisterResourceOutputsRequest request) => RegisteredOutputs.Enqueue(request))
            .Returns(Task.CompletedTask);
    }

    /// <summary>The name the Kubernetes provider would generate for a resource (fixed here: tests compare it).</summary>
    public static string AutoName(string resourceName) => resourceName + "-5f3e2a1b";

    public IReadOnlyList<MockResourceArgs> OfType(string type) => Registered.Where(r => r.Type == type).ToArray();
}
