using System.Collections.Immutable;
using Pulumi;
using RealtimeStack.Edge.Config;
using RealtimeStack.Edge.Deployment;
using RealtimeStack.Edge.Model;

namespace RealtimeStack.Components;

/// <summary>
/// The Pulumi program: stack config → the core's model (every error reported, nothing created on bad input) →
/// <see cref="RealtimeEdge"/> → stack outputs. The certificate and key stay Pulumi secrets end to end.
/// </summary>
public sealed class EdgeStack : Stack
{
    [Output("mode")]
    public Output<string> Mode { get; private set; }

    [Output("publicUrl")]
    public Output<string> PublicUrl { get; private set; }

    [Output("hosts")]
    public Output<ImmutableArray<string>> Hosts { get; private set; }

    [Output("serviceNames")]
    public Output<ImmutableDictionary<string, string>> ServiceNames { get; private set; }

    [Output("ingressClass")]
    public Output<string> IngressClass { get; private set; }

    [Output("configHash")]
    public Output<string> ConfigHash { get; private set; }

    public EdgeStack()
    {
        StackModel model;
        try
        {
            model = StackModel.Bind(StackConfigReader.Read());
        }
        catch (EdgeConfigException e)
        {
            // RunException prints the message without a stack trace: every key and rule, one per line.
            throw new RunException(e.Message);
        }
        var config = new Config(ConfigKey.Namespace);
        var root = RepositoryRoot();
        var certificate = config.GetSecret(EdgeConfigKeys.TlsCert.Name);
        var key = config.GetSecret(EdgeConfigKeys.TlsKey.Name);
        var edge = new RealtimeEdge("edge", new RealtimeEdgeArgs
        {
            Model = model,
            CertificatePem = certificate is null ? null : (Input<string>)certificate,
            PrivateKeyPem = key is null ? null : (Input<string>)key,
            BuildContext = root,
            BackendSourceHash = model.Deployment.BackendImage is null ? (Input<string>)Docker.SampleBackendsImage.SourceHash(root) : null,
        });
        Mode = edge.Mode;
        PublicUrl = edge.PublicUrl;
        Hosts = edge.Hosts;
        ServiceNames = edge.ServiceNames;
        IngressClass = edge.IngressClass;
        ConfigHash = edge.ConfigHash;
    }

    // Pulumi runs the program in infra/ (Pulumi.yaml's main); the repository root is the nearest Pulumi.yaml above.
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Pulumi.yaml"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }
}
