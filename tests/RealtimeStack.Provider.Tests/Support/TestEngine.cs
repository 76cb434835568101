using System.Collections.Concurrent;
using System.Net;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pulumirpc;

namespace RealtimeStack.Provider.Tests.Support;

/// <summary>One RegisterResource call the plugin made, with the URN the test engine gave it.</summary>
public sealed record Registration(string Urn, string Type, string Name, string Parent, bool Custom, Struct Inputs);

/// <summary>
/// The Pulumi engine's side of a component provider, on 127.0.0.1 and a free port: the ResourceMonitor a
/// <c>Construct</c> registers its children with, and the Engine service the plugin logs to. It answers as the engine
/// does: a URN for every registration; in a dry run (a preview) no id and only the inputs back, so every computed
/// output is unknown; in an update an id and the outputs a provider computes (the few the edge reads).
/// </summary>
public sealed class TestEngine : IAsyncDisposable
{
    public const string Project = "realtime-test";
    public const string Stack = "dev";
    public static readonly string StackUrn = $"urn:pulumi:{Stack}::{Project}::pulumi:pulumi:Stack::{Project}-{Stack}";

    private readonly WebApplication _app;

    private TestEngine(WebApplication app) => _app = app;

    /// <summary>host:port of both services, as the engine passes it to the plugin and in ConstructRequest.monitorEndpoint.</summary>
    public string Address { get; private set; } = "";

    /// <summary>A preview: set before Construct.</summary>
    public bool DryRun { get; set; }

    public ConcurrentQueue<Registration> Registrations { get; } = new();

    public ConcurrentQueue<(string Urn, Struct Outputs)> Outputs { get; } = new();

    public ConcurrentQueue<ReadResourceRequest> Reads { get; } = new();

    public ConcurrentQueue<string> Logs { get; } = new();

    public static async Task<TestEngine> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc(options => options.MaxReceiveMessageSize = null);
        var app = builder.Build();
        var engine = new TestEngine(app);
        app.MapGrpcService<MonitorService>();
        app.MapGrpcService<EngineService>();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        engine.Address = new Uri(address).Authority;
        Instances[engine.Address] = engine;
        return engine;
    }

    // The services are created by ASP.NET Core; each finds its engine by the address it serves.
    private static readonly ConcurrentDictionary<string, TestEngine> Instances = new();

    private static TestEngine Of(ServerCallContext context) => Instances[context.GetHttpContext().Request.Host.Value!];

    public async ValueTask DisposeAsync()
    {
        Instances.TryRemove(Address, out _);
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>The URN the engine gives a resource: its type qualified by its parents' types (the stack's excepted).</summary>
    public static string UrnOf(string type, string name, string parent)
    {
        var qualified = type;
        if (!string.IsNullOrEmpty(parent))
        {
            var parentType = parent.Split("::")[2];
            if (parentType != "pulumi:pulumi:Stack") qualified = parentType + "$" + type;
        }
        return $"urn:pulumi:{Stack}::{Project}::{qualified}::{name}";
    }

    private Struct Computed(RegisterResourceRequest request)
    {
        var state = request.Object?.Clone() ?? new Struct();
        // A Kubernetes object without a name is named by its provider (in its Check, so in a preview too).
        if (request.Type.StartsWith("kubernetes:", StringComparison.Ordinal) && state.Fields.TryGetValue("metadata", out var metadata)
            && metadata.KindCase == Value.KindOneofCase.StructValue && !metadata.StructValue.Fields.ContainsKey("name"))
            metadata.StructValue.Fields["name"] = Value.ForString(request.Name + "-5f3e2a1b");
        if (DryRun) return state;
        switch (request.Type)
        {
            case "random:index/randomString:RandomString": state.Fields["result"] = Value.ForString("abc123"); break;
            case "tls:index/privateKey:PrivateKey": state.Fields["privateKeyPem"] = Value.ForString("-----BEGIN PRIVATE KEY-----\nGENERATED\n-----END PRIVATE KEY-----\n"); break;
            case "tls:index/selfSignedCert:SelfSignedCert": state.Fields["certPem"] = Value.ForString("-----BEGIN CERTIFICATE-----\nGENERATED\n-----END CERTIFICATE-----\n"); break;
            case "docker:index/remoteImage:RemoteImage": state.Fields["imageId"] = Value.ForString("sha256:" + request.Name); break;
        }
        return state;
    }

    private sealed class MonitorService : ResourceMonitor.ResourceMonitorBase
    {
        public override Task<SupportsFeatureResponse> SupportsFeature(SupportsFeatureRequest request, ServerCallContext context) =>
            Task.FromResult(new SupportsFeatureResponse { HasSupport = true });

        public override Task<RegisterResourceResponse> RegisterResource(RegisterResourceRequest request, ServerCallContext context)
        {
            var engine = Of(context);
            var urn = UrnOf(request.Type, request.Name, request.Parent);
            engine.Registrations.Enqueue(new Registration(urn, request.Type, request.Name, request.Parent, request.Custom, request.Object ?? new Struct()));
            return Task.FromResult(new RegisterResourceResponse
            {
                Urn = urn,
                Id = request.Custom && !engine.DryRun ? request.Name + "-id" : "",
                Object = request.Custom ? engine.Computed(request) : new Struct(),
            });
        }

        public override Task<ReadResourceResponse> ReadResource(ReadResourceRequest request, ServerCallContext context)
        {
            var engine = Of(context);
            engine.Reads.Enqueue(request);
            return Task.FromResult(new ReadResourceResponse { Urn = UrnOf(request.Type, request.Name, request.Parent), Properties = request.Properties ?? new Struct() });
        }

        public override Task<Empty> RegisterResourceOutputs(RegisterResourceOutputsRequest request, ServerCallContext context)
        {
            Of(context).Outputs.Enqueue((request.Urn, request.Outputs ?? new Struct()));
            return Task.FromResult(new Empty());
        }

        public override Task<ResourceInvokeResponse> Invoke(ResourceInvokeRequest request, ServerCallContext context) =>
            Task.FromResult(new ResourceInvokeResponse { Return = new Struct() });

        public override Task<RegisterPackageResponse> RegisterPackage(RegisterPackageRequest request, ServerCallContext context) =>
            Task.FromResult(new RegisterPackageResponse { Ref = request.Name + "-" + request.Version });

        public override Task<Empty> SignalAndWaitForShutdown(Empty request, ServerCallContext context) => Task.FromResult(new Empty());
    }

    private sealed class EngineService : Pulumirpc.Engine.EngineBase
    {
        public override Task<Empty> Log(LogRequest request, ServerCallContext context)
        {
            Of(context).Logs.Enqueue($"{request.Severity} {request.Urn}: {request.Message}");
            return Task.FromResult(new Empty());
        }

        public override Task<GetRootResourceResponse> GetRootResource(GetRootResourceRequest request, ServerCallContext context) =>
            Task.FromResult(new GetRootResourceResponse { Urn = StackUrn });

        public override Task<SetRootResourceResponse> SetRootResource(SetRootResourceRequest request, ServerCallContext context) =>
            Task.FromResult(new SetRootResourceResponse());
    }
}
