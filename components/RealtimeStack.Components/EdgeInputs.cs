using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Pulumi;
using RealtimeStack.Edge.Configuration;
using RealtimeStack.Edge.Hosting;
using RealtimeStack.Edge.Model;

namespace RealtimeStack.Components;

/// <summary>
/// The link between <see cref="RealtimeEdgeArgs"/> and the core's settings: each <see cref="ConfigKey"/> names its
/// input path, and the property chain is found once by the <c>[Input]</c> names along it. The component's inputs
/// become the core's flat values here, so validation and defaults stay the core's, and errors name input paths.
/// </summary>
internal static partial class EdgeInputs
{
    /// <summary>Every setting with the properties that lead to it from <see cref="RealtimeEdgeArgs"/>.</summary>
    public static IReadOnlyList<(ConfigKey Key, IReadOnlyList<PropertyInfo> Chain)> Settings { get; } =
        ConfigKey.All.Select(k => (k, Chain(typeof(RealtimeEdgeArgs), k.Path))).ToArray();

    /// <summary>The properties along a dotted input path, by their <c>[Input]</c> names.</summary>
    public static IReadOnlyList<PropertyInfo> Chain(Type args, string path)
    {
        var chain = new List<PropertyInfo>();
        var type = args;
        foreach (var segment in path.Split('.'))
        {
            var property = type.GetProperties().SingleOrDefault(p => AttributeNames.InputName(p) == segment)
                ?? throw new InvalidOperationException($"{args.Name} has no input '{segment}' on the path '{path}'");
            chain.Add(property);
            type = property.PropertyType;
        }
        return chain;
    }

    /// <summary>
    /// The validated model as an Output. Every error (the settings' and the certificate's) is reported together,
    /// naming input paths, as a <see cref="ResourceException"/> on <paramref name="owner"/>: nothing is created.
    /// </summary>
    public static Output<StackModel> Model(RealtimeEdgeArgs args, Resource owner)
    {
        var values = Output.All(Settings.Where(s => !s.Key.Secret).Select(s => Flat(s.Key, Find(args, s.Chain))).ToArray());
        // The certificate is checked on its own, inside its secret; only the verdict (rules, no key material) leaves it.
        var certificateErrors = Output.Unsecret(CertificateErrors(args.Tls));
        return Output.Tuple(values, certificateErrors).Apply(t =>
        {
            var errors = new List<ConfigError>();
            var flat = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, value, error) in t.Item1)
            {
                if (error is not null) errors.Add(error);
                else if (value is not null) flat[key.FullName] = value;
            }
            StackModel? model = null;
            try { model = StackModel.Bind(flat); }
            catch (EdgeConfigException e) { errors.AddRange(e.Errors); }
            errors.AddRange(t.Item2);
            if (model is { Deployment: { Mode: EdgeMode.Docker, BackendImage: null } } && args.BackendBuild is null)
                errors.Add(new ConfigError(DeploymentConfigKeys.BackendImage.FullName, "is required in docker mode unless backendBuild says how to build the backends' image"));
            if (errors.Count > 0)
                throw new ResourceException("invalid RealtimeEdge inputs:" + string.Concat(errors.Select(e => "\n  " + ForInputs(e))), owner, hideStack: true);
            return model!;
        });
    }

    /// <summary>
    /// Args holding the given flat <c>realtime:*</c> values (a stack's configuration, already validated by the
    /// core), each at its input path; unset keys stay unset, so the component applies the defaults.
    /// </summary>
    public static RealtimeEdgeArgs FromSettings(IReadOnlyDictionary<string, string> values)
    {
        var args = new RealtimeEdgeArgs { Domain = null! };
        foreach (var (key, chain) in Settings)
        {
            if (!values.TryGetValue(key.FullName, out var raw)) continue;
            object target = args;
            foreach (var property in chain.SkipLast(1))
                target = property.GetValue(target) ?? Set(property, target, Activator.CreateInstance(property.PropertyType)!);
            Set(chain[^1], target, Typed(chain[^1].PropertyType, raw));
        }
        return args;
    }

    private static object Set(PropertyInfo property, object target, object value)
    {
        property.SetValue(target, value);
        return value;
    }

    private static object Typed(Type type, string raw) => type switch
    {
        _ when type == typeof(Input<string>) => (Input<string>)raw,
        _ when type == typeof(Input<int>) => (Input<int>)int.Parse(raw, CultureInfo.InvariantCulture),
        _ when type == typeof(Input<bool>) => (Input<bool>)(raw == "true"),
        _ when type == typeof(InputList<string>) => (InputList<string>)FlatConfig.Items(raw).Where(item => item.Length > 0).ToArray(),
        _ => throw new InvalidOperationException($"inputs of type {type.Name} are not settings"),
    };

    /// <summary>An error as the component's user reads it: keys in the key and in the rule become input paths.</summary>
    public static ConfigError ForInputs(ConfigError error) =>
        new(PathOf(error.Key), FlatKeyPattern().Replace(error.Rule, m => PathOf(m.Value)));

    private static string PathOf(string key) => ConfigKey.Find(key)?.Path ?? key;

    private static object? Find(RealtimeEdgeArgs args, IReadOnlyList<PropertyInfo> chain)
    {
        object? value = args;
        foreach (var property in chain)
        {
            if (value is null) return null;
            value = property.GetValue(value);
        }
        return value;
    }

    private static Output<(ConfigKey Key, string? Value, ConfigError? Error)> Flat(ConfigKey key, object? input) => input switch
    {
        null => Output.Create<(ConfigKey, string?, ConfigError?)>((key, null, null)),
        Input<string> text => text.ToOutput().Apply(v => (key, (string?)v, (ConfigError?)null)),
        Input<int> number => number.ToOutput().Apply(v => (key, (string?)v.ToString(CultureInfo.InvariantCulture), (ConfigError?)null)),
        Input<bool> flag => flag.ToOutput().Apply(v => (key, (string?)(v ? "true" : "false"), (ConfigError?)null)),
        InputList<string> list => list.ToOutput().Apply(items =>
        {
            var joined = FlatConfig.JoinList(key.FullName, items);
            return (key, joined.Value, joined.Error);
        }),
        _ => throw new InvalidOperationException($"input '{key.Path}' has unsupported type {input.GetType().Name}"),
    };

    private static Output<ImmutableArray<ConfigError>> CertificateErrors(Inputs.TlsArgs? tls)
    {
        Output<string?> Value(Input<string>? input) => input is null ? Output.Create((string?)null) : input.ToOutput().Apply(v => (string?)v);
        return Output.Tuple(Value(tls?.CertificatePem), Value(tls?.PrivateKeyPem)).Apply(pair =>
            EdgeConfigBinder.BindCertificate(pair.Item1, pair.Item2).Error is { } error
                ? ImmutableArray.Create(error)
                : ImmutableArray<ConfigError>.Empty);
    }

    [GeneratedRegex(@"realtime:[A-Za-z0-9]+")]
    private static partial Regex FlatKeyPattern();
}
