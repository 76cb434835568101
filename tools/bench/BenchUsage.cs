namespace RealtimeStack.Benchmark;

/// <summary>The bench's command lines: what <c>--help</c> prints and docs/benchmark.md shows (a test compares them).</summary>
public static class BenchUsage
{
    public static IReadOnlyList<string> Lines { get; } =
    [
        "dotnet run -c Release --project tools/bench -- [--streams N] [--quick] [--out DIR]",
        "dotnet run -c Release --project tools/bench -- --memory [--streams N] [--variant NAME-PREFIX]...",
        "dotnet run -c Release --project tools/bench -- --capacity [--streams N]... [--workers W] [--per-connection K] [--set KEY=VALUE]...",
        "dotnet run -c Release --project tools/bench -- --broadcast [--streams N]... [--rounds R] [--set KEY=VALUE]...",
        "dotnet run -c Release --project tools/bench -- --storm [--streams N]... [--retry MS] [--per-connection K] [--set KEY=VALUE]... [--listen-backlog N]",
    ];
}
