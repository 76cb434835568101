namespace RealtimeStack.Cli.Doctor;

/// <summary>One plain API request, for what the API backend is told (<see cref="BackendEcho"/>).</summary>
public static class ApiProbe
{
    public static async Task<BackendEcho?> RunAsync(EdgeConnector edge, CancellationToken token)
    {
        using var client = edge.CreateHttpClient();
        using var step = CancellationTokenSource.CreateLinkedTokenSource(token);
        step.CancelAfter(edge.Options.StepTimeout);
        try
        {
            using var response = await client.GetAsync(edge.Https("api/edge-doctor?brief=1"), HttpCompletionOption.ResponseHeadersRead, step.Token);
            edge.Record("api", response);
            return BackendEcho.From("api", response);
        }
        catch (OperationCanceledException) when (!token.IsCancellationRequested) { return null; }
        catch (HttpRequestException) { return null; }
    }
}
