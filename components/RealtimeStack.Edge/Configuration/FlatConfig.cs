using System.Globalization;
using RealtimeStack.Edge.Model;

namespace RealtimeStack.Edge.Configuration;

/// <summary>
/// Reads typed values out of flat string configuration (Pulumi stack config, <c>--set</c> overrides),
/// recording one error per bad key in <see cref="Errors"/> and returning a fallback so reading can go on.
/// </summary>
public sealed class FlatConfig(IReadOnlyDictionary<string, string> values, Errors errors)
{
    public Errors Errors { get; } = errors;

    /// <summary>The raw value of a key, or its default; null when neither exists.</summary>
    public string? Raw(ConfigKey key) => key.ValueIn(values);

    /// <summary>
    /// The parsed value of a key. A missing or bad value is recorded in <see cref="Errors"/>, and the key's own
    /// default stands in so that reading can go on: there is no second default here.
    /// </summary>
    public T Get<T>(ConfigKey key, Func<string, string, Parsed<T>> parse)
    {
        var standIn = key.Default is null ? default! : parse(key.FullName, key.Default).Value!;
        var raw = Raw(key);
        if (raw is null)
        {
            Errors.Add(key.FullName, "is required");
            return standIn;
        }
        return Errors.Take(parse(key.FullName, raw), standIn);
    }

    /// <summary>A comma-separated list; blanks around commas are allowed, empty items are not.</summary>
    public IReadOnlyList<T> GetList<T>(ConfigKey key, Func<string, string, Parsed<T>> parse, bool allowEmpty = false)
    {
        var raw = Raw(key) ?? "";
        if (raw.Length == 0)
        {
            if (!allowEmpty) Errors.Add(key.FullName, "must list at least one value");
            return [];
        }
        var items = new List<T>();
        foreach (var item in Items(raw))
        {
            if (item.Length == 0)
            {
                Errors.Add(key.FullName, "must not contain an empty item (two commas, or a trailing comma)");
                continue;
            }
            var parsed = parse(key.FullName, item);
            if (parsed.Error is { } error) Errors.AddRange([error]);
            else items.Add(parsed.Value!);
        }
        return items;
    }

    public bool GetBool(ConfigKey key) => Get(key, ParseBool);

    public int GetInt(ConfigKey key, int min, int max) => Get(key, (k, raw) => ParseInt(k, raw, min, max));

    /// <summary>The items of a flat list value, as written between its commas (spaces around them dropped).</summary>
    public static IEnumerable<string> Items(string raw) => raw.Split(',').Select(item => item.Trim(' '));

    /// <summary>
    /// A list from a structured source (a YAML or JSON list, a component's list input) in the flat form
    /// <see cref="GetList{T}"/> reads. Items are values, never separators: an item with a comma is an error.
    /// </summary>
    public static Parsed<string> JoinList(string key, IEnumerable<string> items)
    {
        var list = items.ToArray();
        var index = Array.FindIndex(list, item => item.Contains(','));
        return index >= 0
            ? Parsed<string>.Fail(key, $"item {index} ('{InputText.Shorten(list[index])}') must not contain a comma: give each value as its own item")
            : Parsed<string>.Success(string.Join(",", list));
    }

    public static Parsed<bool> ParseBool(string key, string raw) => raw switch
    {
        "true" => Parsed<bool>.Success(true),
        "false" => Parsed<bool>.Success(false),
        _ => Parsed<bool>.Fail(key, $"must be true or false (got '{InputText.Shorten(raw)}')"),
    };

    public static Parsed<int> ParseInt(string key, string raw, int min, int max)
    {
        if (Token.Check(raw, 10) is { } rule) return Parsed<int>.Fail(key, $"must be a whole number {min}-{max} ({rule})");
        if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            return Parsed<int>.Fail(key, $"must be a whole number {min}-{max} (got '{raw}')");
        return Parsed<int>.Success(value);
    }

}
