
namespace RealtimeStack.Benchmark.Scale;

/// <summary>
/// <c>--role fleet</c>: one client process of the scale benchmark. Ramps its streams and prints the
/// <see cref="FleetRamp"/>, then obeys stdin: <c>mark</c>, <c>received</c> (events since the mark), <c>arrivals</c> (<see cref="FleetArrivals"/>), <c>storm</c>
/// (<see cref="FleetStorm"/>), anything else or EOF (close everything and exit). Every command is answered by one line.
/// </summary>
public static class FleetRole
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var (fleet, ramp) = await Fleet.RampAsync(FleetOptions.Parse(args));
        using var _ = fleet;
        BenchChild.Reply(ramp);
        while (await Console.In.ReadLineAsync() is { } command)
        {
            if (command == "mark")
            {
                fleet.Mark();
                BenchChild.Reply(new FleetMarked(true));
            }
            else if (command == "arrivals") BenchChild.Reply(fleet.Arrivals());
            else if (command == "received") BenchChild.Reply(new FleetReceived(fleet.Received));
            else if (command == "storm") BenchChild.Reply(fleet.Storm());
            else break;
        }
        return 0;
    }
}
