namespace RealtimeStack.Edge.Model;

/// <summary>Response compression for the API. The SSE and WebSocket routes are never compressed.</summary>
public sealed record GzipSpec(bool Enabled, IReadOnlyList<string> Types, int MinLength, int Level);
