using System.Collections.Immutable;
using Pulumi;
using RealtimeStack.Components.Tests.Support;

namespace RealtimeStack.Components.Tests;

/// <summary>Another stack reading the edge's outputs through a StackReference, as the README shows.</summary>
public sealed class ConsumerStackTests
{
    public sealed class ConsumerStack : Stack
    {
        [Output("sseUrl")]
        public Output<string> SseUrl { get; private set; }

        [Output("wsService")]
        public Output<string> WsService { get; private set; }

        public ConsumerStack()
        {
            var edge = new StackReference("acme/realtime/dev");
            SseUrl = edge.RequireOutput("publicUrl").Apply(url => $"{url}sse/");
            WsService = edge.RequireOutput("serviceNames").Apply(names => (string)((ImmutableDictionary<string, object>)names)["ws"]);
        }
    }

    [Fact]
    public async Task A_consumer_reads_the_public_url_and_service_names()
    {
        StackConfig.Set(new Dictionary<string, string>());
        var mocks = new RecordingMocks();
        mocks.StackReferenceOutputs["acme/realtime/dev"] = ImmutableDictionary<string, object>.Empty
            .Add("publicUrl", "https://realtime.example.com/")
            .Add("serviceNames", ImmutableDictionary<string, object>.Empty.Add("api", "realtime-api").Add("sse", "realtime-sse").Add("ws", "realtime-ws"));
        var resources = await Pulumi.Deployment.TestAsync<ConsumerStack>(mocks.Mock.Object, new Pulumi.Testing.TestOptions { IsPreview = false });
        var stack = resources.OfType<ConsumerStack>().Single();
        Assert.Equal("https://realtime.example.com/sse/", await Outputs.Value(stack.SseUrl));
        Assert.Equal("realtime-ws", await Outputs.Value(stack.WsService));
    }
}
