using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RealtimeStack.Edge.Tls;
using RealtimeStack.Cli.Tests.Support;

namespace RealtimeStack.Cli.Tests.Doctor;

/// <summary>
/// A stand-in for an Envoy edge with no routes: HTTPS on 127.0.0.1 for <see cref="LocalStacks.Host"/>, every request
/// answered 404 with <c>server: envoy</c> (Envoy's own name), and nothing else of Kestrel's.
/// </summary>
public sealed class EnvoyAnsweringServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EnvoyAnsweringServer(WebApplication app, int port, string certificatePem)
    {
        _app = app;
        Port = port;
        CertificatePem = certificatePem;
    }

    public int Port { get; }

    public string CertificatePem { get; }

    public static async Task<EnvoyAnsweringServer> StartAsync()
    {
        var pem = SelfSignedCertificate.Create([LocalStacks.Host], TimeSpan.FromDays(30));
        var certificate = X509Certificate2.CreateFromPem(pem.CertificatePem, pem.PrivateKeyPem);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false; // the answer names Envoy, not Kestrel
            k.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate));
        });
        var app = builder.Build();
        app.Run(context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            context.Response.Headers.Server = "envoy";
            return Task.CompletedTask;
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new EnvoyAnsweringServer(app, new Uri(address).Port, pem.CertificatePem);
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }
}
