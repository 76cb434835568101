using Pulumi;
using RealtimeStack.Components;
using RealtimeStack.Components.Inputs;
using RealtimeStack.Edge.Configuration;

namespace RealtimeStack.Infra;

/// <summary>
/// The Pulumi program: the stack's <c>realtime:*</c> configuration, read once, → one <see cref="RealtimeEdge"/>,
/// which binds it → its outputs as the stack's. A bad key fails before anything is created, named as the stack spells
/// it; the certificate and key are read as secrets and stay secrets.
/// </summary>
public static class EdgeProgram
{
    public static IDictionary<string, object?> Run()
    {
        var settings = StackConfigReader.Read();
        var args = RealtimeEdgeArgs.FromSettings(settings);
        var config = new Config(ConfigKey.Namespace);
        var certificate = config.GetSecret(EdgeConfigKeys.TlsCert.Name);
        var key = config.GetSecret(EdgeConfigKeys.TlsKey.Name);
        if (certificate is not null || key is not null)
        {
            args.Tls = new TlsArgs
            {
                CertificatePem = certificate is null ? null : (Input<string>)certificate,
                PrivateKeyPem = key is null ? null : (Input<string>)key,
            };
        }
        // A docker stack without an image builds the sample backends of this repository.
        if (DeploymentConfigKeys.Mode.ValueIn(settings) == "docker" && DeploymentConfigKeys.BackendImage.ValueIn(settings) is "")
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
