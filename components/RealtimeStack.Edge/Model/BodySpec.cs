namespace RealtimeStack.Edge.Model;

/// <summary>Request body limits: larger bodies get 413; bodies up to the buffer size stay in memory.</summary>
public sealed record BodySpec(ByteSize MaxSize, ByteSize BufferSize);
