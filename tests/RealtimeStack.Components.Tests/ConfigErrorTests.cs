using Pulumi;
using RealtimeStack.Components.Tests.Support;

namespace RealtimeStack.Components.Tests;

public sealed class ConfigErrorTests
{
    [Fact]
    public async Task Bad_configuration_names_every_key_and_creates_nothing()
    {
        var config = StackConfig.FromStackFile("dev", ("realtime:httpsPort", "0"), ("realtime:domian", "x"), ("realtime:gzipLevel", "12"));
        var e = await Assert.ThrowsAnyAsync<Exception>(() => PulumiRun.OfAsync<EdgeStack>(config));
        var message = e.ToString();
        Assert.Contains("realtime:httpsPort: must be a port number", message);
        Assert.Contains("realtime:domian: is not a known key", message);
        Assert.Contains("realtime:gzipLevel: must be a whole number 1-9", message);
    }
}
