using System.Text.Json;
using Pulumi;

namespace RealtimeStack.Components.Tests.Support;

/// <summary>Finds component or stack outputs that carry private key material without the secret bit.</summary>
public static class SecretOutputs
{
    public static async Task<IReadOnlyList<string>> PlaintextKeysAsync(RecordingMocks mocks)
    {
        var leaks = new List<string>();
        foreach (var request in mocks.RegisteredOutputs)
        {
            foreach (var (name, output) in request.Outputs)
            {
                var value = await Outputs.Value(output);
                var text = value as string ?? JsonSerializer.Serialize(value);
                if (text.Contains("PRIVATE KEY", StringComparison.Ordinal) && !await Output.IsSecretAsync(output))
                    leaks.Add($"{request.Urn}.{name}");
            }
        }
        return leaks;
    }
}
