using System.Security.Cryptography;
using System.Text;

namespace RealtimeStack.Components;

/// <summary>Hex SHA-256 of a text: the configuration hash other stacks compare to detect drift.</summary>
internal static class Sha256
{
    public static string Of(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
