using Pulumi;
using RealtimeStack.Components;
using RealtimeStack.Components.Inputs;
using RealtimeStack.Edge.Configuration;
using RealtimeStack.Edge.Hosting;
using RealtimeStack.Edge.Model;

namespace RealtimeStack.Infra;

/// <summary>
/// The Pulumi program: the stack's <c>realtime:*</c> configuration → <see cref="RealtimeEdgeArgs"/> → one
/// <see cref="RealtimeEdge"/> → its outputs as the stack's. A bad key fails before anything is created, named as
/// the stack spells it; the certificate and key are read as secrets and stay secrets.
/// </summary>
public static class EdgeProgram
{
    public static IDictionary<string, object?> Run()
    {
        var settings = StackConfigReader.Read();
        StackModel model;
        try
        {
            model = StackModel.Bind(settings);
        }
        catch (EdgeConfigException e)
        {
            // RunException prints the message without a stack trace: every key and rule, one per line.
            throw new RunException(e.Message);
        }
        var config = new Config(ConfigKey.Namespace);
        var args = RealtimeEdgeArgs.FromSettings(settings);
        var certificate = config.GetSecret(EdgeConfigKeys.TlsCert.Name);
        var key = config.GetSecret(EdgeConfigKeys.TlsKey.Name);
        if (certificate is not null || key is not null)
        {
            args.Tls ??= new TlsArgs();
            args.Tls.CertificatePem = certificate is null ? null : (Input<string>)certificate;
            args.Tls.PrivateKeyPem = key is null ? null : (Input<string>)key;
        }
        if (model.Deployment is { Mode: EdgeMode.Docker, BackendImage: null })
        {
            var root = RepositoryRoot.Find();
            args.BackendBuild = new BackendBuildArgs
            {
                Context = root,
                Dockerfile = SampleBackendsImage.Dockerfile,
                SourceHash = SampleBackendsImage.SourceHash(root),
            };
        }
        return StackOutputs.Of(new RealtimeEdge("edge", args));
    }
}
