using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using Pulumi;
using Pulumi.Utilities;
using RealtimeStack.Edge.Configuration;
using RealtimeStack.Edge.Model;

namespace RealtimeStack.Components;

/// <summary>
/// The component's inputs as the core's flat settings, read once. The settings that decide which resources exist
/// (<see cref="ResourceShape"/>) are plain values, known when the component is constructed: <see cref="Shape"/> is
/// bound from them at once, so a bad one fails before anything is registered. Every other setting is an Output:
/// <see cref="Check"/> validates whatever of them is known (in a preview, what is not known yet is checked when it
/// is, during the update, before any child is created), and <see cref="Model"/> is the whole model for the children.
/// </summary>
internal sealed class EdgeInputs
{
    /// <summary>Every setting with the properties that lead to it from <see cref="RealtimeEdgeArgs"/>, and to the
    /// input it had before a rename (null for one never renamed).</summary>
    public static IReadOnlyList<(ConfigKey Key, IReadOnlyList<PropertyInfo> Chain, IReadOnlyList<PropertyInfo>? Former)> Settings { get; } =
        ConfigKey.All.Select(k => (k, Chain(typeof(RealtimeEdgeArgs), k.Path), k.FormerPath is { } former ? Chain(typeof(RealtimeEdgeArgs), former) : null)).ToArray();

    private readonly IReadOnlyDictionary<string, string> _plain;
    private readonly IReadOnlyList<(ConfigKey Key, Output<FlatValue> Value)> _values;
    private readonly Func<ConfigError, ConfigError> _name;
    private readonly string _heading;
    private readonly Inputs.TlsArgs? _tls;

    private EdgeInputs(IReadOnlyDictionary<string, string> plain, IReadOnlyList<ConfigError> plainErrors, IReadOnlyList<(ConfigKey Key, Output<FlatValue> Value)> values, Inputs.TlsArgs? tls, bool hasBuild, bool stackKeys, IReadOnlyList<ConfigError> renamed)
    {
        (_plain, _values, _tls) = (plain, values, tls);
        _name = stackKeys ? e => e : ForInputs;
        _heading = stackKeys ? "invalid edge configuration:" : "invalid RealtimeEdge inputs:";
        var errors = new List<ConfigError>(plainErrors);
        try
        {
            Shape = ResourceShape.Bind(plain, values.Select(v => v.Key));
        }
        catch (EdgeConfigException e)
        {
            errors.AddRange(e.Errors);
        }
        // The shape's image is the given one, a placeholder for one not known yet, or null when none is given.
        if (Shape is { Deployment: { Mode: EdgeMode.Docker, BackendImage: null } } && !hasBuild)
            errors.Add(new ConfigError(DeploymentConfigKeys.BackendImage.FullName, "is required in docker mode unless backendBuild says how to build the backends' image"));
        // Thrown before the component registers: a RunException is printed as its message alone.
        if (errors.Count > 0) throw new RunException(Message(errors));
        // Which inputs are given is known now, whatever their values: so is whether the mode uses them.
        var noEffect = ModeEffects.NoEffect(plain.Keys.Concat(values.Select(v => v.Key.FullName)), DeploymentConfigKeys.Mode.ValueIn(plain)!);
        Warnings = [.. renamed, .. noEffect.Select(_name)];
    }

    /// <summary>The inputs given under a former name, and those without effect in the edge's mode, each named as the
    /// caller named it.</summary>
    public IReadOnlyList<ConfigError> Warnings { get; }

    /// <summary>The model of the plain settings (every other one a placeholder): which children exist and their names.</summary>
    public StackModel Shape { get; } = null!;

    /// <summary>The component's inputs; throws a <see cref="RunException"/> naming every bad plain input.</summary>
    public static EdgeInputs Of(RealtimeEdgeArgs args)
    {
        var tls = args.Tls;
        if (args.StackSettings is { } stack)
        {
            // A stack's settings are all known now: every one is bound at once, and every error reported together.
            return new EdgeInputs(stack, [], [], tls, args.BackendBuild is not null, stackKeys: true, RenamedKeys.Warnings(stack.Keys));
        }
        var plainValues = new Dictionary<string, string>(StringComparer.Ordinal);
        var plainErrors = new List<ConfigError>();
        var outputs = new List<(ConfigKey Key, Output<FlatValue> Value)>();
        var renamed = new List<ConfigError>();
        foreach (var (key, chain, former) in Settings.Where(s => !s.Key.Secret))
        {
            var input = Find(args, chain);
            // An input given under its former name still counts, with a warning; given under both, it is refused.
            if (former is not null && Find(args, former) is { } old)
            {
                if (input is not null)
                {
                    plainErrors.Add(new ConfigError(key.Path, $"and {key.FormerPath}, its former name, are both given: keep {key.Path}"));
                    continue;
                }
                input = old;
                renamed.Add(new ConfigError(key.FormerPath!, $"is now {key.Path}: rename it (the old name still works, and will go)"));
            }
            if (input is null) continue;
            if (!ResourceShape.Decides(key))
            {
                outputs.Add((key, Flat(key, input)));
                continue;
            }
            var plain = Plain(key, input);
            if (plain.Error is { } error) plainErrors.Add(error);
            else if (plain.Text is { } text) plainValues[key.FullName] = text;
        }
        return new EdgeInputs(plainValues, plainErrors, outputs, tls, args.BackendBuild is not null, stackKeys: false, renamed);
    }

    /// <summary>
    /// Every known setting and the certificate, validated together: known at once in an update, only partly in a
    /// preview. Errors, each naming its input, fail the deployment as a <see cref="ResourceException"/> on
    /// <paramref name="owner"/>; children that depend on this are then never registered.
    /// </summary>
    public Output<PartialModel> Check(Resource owner) => Output.Create(CheckAsync(owner));

    private async Task<PartialModel> CheckAsync(Resource owner)
    {
        var errors = new List<ConfigError>();
        var known = new Dictionary<string, string>(_plain, StringComparer.Ordinal);
        var unknown = new List<ConfigKey>();
        foreach (var (key, output) in _values)
        {
            // An unknown value (a preview, an Output of a resource not created yet) is checked once it is known.
            if (!await OutputUtilities.GetIsKnownAsync(output).ConfigureAwait(false)) { unknown.Add(key); continue; }
            var value = await OutputUtilities.GetValueAsync(output).ConfigureAwait(false);
            if (value.Error is { } error) errors.Add(error);
            else if (value.Text is { } text) known[key.FullName] = text;
        }
        PartialModel? partial = null;
        try { partial = PartialModel.Bind(known, unknown); }
        catch (EdgeConfigException e) { errors.AddRange(e.Errors); }
        // The certificate is checked inside its secret, against the names once they are known; only the verdict
        // (rules, no key material) comes out.
        var names = partial is { Model: { } model } && partial.Knows([EdgeConfigKeys.Domain, EdgeConfigKeys.Aliases]) ? model.Edge.ServerNames : null;
        var certificate = Output.Unsecret(CertificateErrors(_tls, names));
        if (await OutputUtilities.GetIsKnownAsync(certificate).ConfigureAwait(false))
            errors.AddRange(await OutputUtilities.GetValueAsync(certificate).ConfigureAwait(false));
        if (errors.Count > 0) throw new ResourceException(Message(errors), owner, hideStack: true);
        return partial!;
    }

    /// <summary>
    /// The whole model, once every setting is known (so, in a preview, unknown while one is not), carrying the
    /// settings' dependencies and secrecy; <paramref name="check"/> has validated it.
    /// </summary>
    public Output<StackModel> Model(Output<PartialModel> check) =>
        Output.Tuple(Output.All(_values.Select(v => v.Value)), check).Apply(t => t.Item2.IsComplete && t.Item2.Model is { } model
            ? model
            : throw new InvalidOperationException("every setting is known, but the check saw some unknown"));

    /// <summary>
    /// A value of the model that reads only <paramref name="reads"/>: known as soon as they are, even while other
    /// settings are not (a preview), and dependent on them alone.
    /// </summary>
    public Output<T> Known<T>(Output<PartialModel> check, Func<StackModel, T> value, params ConfigKey[] reads) =>
        Output.Tuple(Output.All(_values.Where(v => reads.Contains(v.Key)).Select(v => v.Value)), check).Apply(t =>
            t.Item2.Model is { } model ? Output.Create(value(model)) : OutputUtilities.CreateUnknown(default(T)!));

    private string Message(IEnumerable<ConfigError> errors) => _heading + string.Concat(errors.Select(e => "\n  " + _name(e)));

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

    /// <summary>An error as the component's user reads it: keys in the key and in the rule become input paths.</summary>
    public static ConfigError ForInputs(ConfigError error) =>
        new(PathOf(error.Key), ConfigKey.ReplaceMentions(error.Rule, PathOf));

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

    /// <summary>A setting's flat text, or the error that keeps it from having one.</summary>
    private sealed record FlatValue(string? Text, ConfigError? Error);

    private static FlatValue Plain(ConfigKey key, object input) => input switch
    {
        string text => new FlatValue(text, null),
        bool flag => new FlatValue(flag ? "true" : "false", null),
        string[] items => Joined(key, items),
        _ => throw new InvalidOperationException($"input '{key.Path}' decides which resources exist and must be a plain value, not {input.GetType().Name}"),
    };

    private static Output<FlatValue> Flat(ConfigKey key, object input) => input switch
    {
        Input<string> text => text.ToOutput().Apply(v => new FlatValue(v, null)),
        Input<int> number => number.ToOutput().Apply(v => new FlatValue(v.ToString(CultureInfo.InvariantCulture), null)),
        Input<bool> flag => flag.ToOutput().Apply(v => new FlatValue(v ? "true" : "false", null)),
        InputList<string> list => list.ToOutput().Apply(items => Joined(key, items)),
        _ => throw new InvalidOperationException($"input '{key.Path}' has unsupported type {input.GetType().Name}"),
    };

    /// <summary>A list as one flat value; an item with a comma is the list's error.</summary>
    private static FlatValue Joined(ConfigKey key, IEnumerable<string> items)
    {
        var joined = FlatConfig.JoinList(key.FullName, items);
        return new FlatValue(joined.Value, joined.Error);
    }

    private static Output<ImmutableArray<ConfigError>> CertificateErrors(Inputs.TlsArgs? tls, IReadOnlyList<ServerName>? names)
    {
        Output<string?> Value(Input<string>? input) => input is null ? Output.Create((string?)null) : input.ToOutput().Apply(v => (string?)v);
        return Output.Tuple(Value(tls?.CertificatePem), Value(tls?.PrivateKeyPem)).Apply(pair =>
        {
            var bound = EdgeConfigBinder.BindCertificate(pair.Item1, pair.Item2);
            if (bound.Error is { } error) return ImmutableArray.Create(error);
            return (bound.Value?.Problems(names ?? [], DateTime.UtcNow) ?? [])
                .Select(problem => new ConfigError(EdgeConfigKeys.TlsCert.FullName, problem)).ToImmutableArray();
        });
    }
}
