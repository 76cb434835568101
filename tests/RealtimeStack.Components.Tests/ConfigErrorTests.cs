using Pulumi;
using RealtimeStack.Components.Tests.Support;

namespace RealtimeStack.Components.Tests;

public sealed class ConfigErrorTests
{
    [Fact]
    public async Task Bad_configuration_names_every_key_and_creates_nothing()
    {
        var config = StackConfig.FromStackFile("dev", ("realtime:httpsPort", "0"), ("realtime:domian", "x"), ("realtime:gzipLevel", "12"));
        var e = await Assert.ThrowsAnyAsync<Exception>(() => PulumiRun.OfStackAsync(config));
        var message = e.ToString();
        Assert.Contains("realtime:httpsPort: must be a port number", message);
        Assert.Contains("realtime:domian: is not a known key", message);
        Assert.Contains("realtime:gzipLevel: must be a whole number 1-9", message);
    }
}

public sealed class StackListConfigTests
{
    [Fact]
    public async Task A_yaml_list_in_stack_config_is_read_as_the_list()
    {
        // `pulumi config set --path 'realtime:apiServers[0]' …` reaches the program as a JSON list.
        var run = await PulumiRun.OfStackAsync(StackConfig.FromStackFile("dev", ("realtime:apiServers", "[\"api-1:9000\",\"api-2:9001\",\"api-3:9002\"]")));
        var services = await run.StackOutput<Dictionary<string, string[]>>("serviceNames");
        Assert.Equal(["api-1", "api-2", "api-3"], services["api"]);
    }

    [Fact]
    public async Task A_list_item_with_a_comma_is_named_as_the_stack_key()
    {
        var e = await Assert.ThrowsAnyAsync<Exception>(() => PulumiRun.OfStackAsync(StackConfig.FromStackFile("dev", ("realtime:apiServers", "[\"api-1:9000,api-2:9001\"]"))));
        Assert.Contains("realtime:apiServers: item 0 ('api-1:9000,api-2:9001') must not contain a comma", e.ToString());
    }
}
