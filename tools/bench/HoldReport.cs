namespace RealtimeStack.Benchmark;

/// <summary>What a holder reports after ramping, and after an alive check.</summary>
public sealed record HoldReport(int Held, int Failed, string? FirstFailure, double RampSeconds, int AliveSse = 0, int AliveWs = 0);
