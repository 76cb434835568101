namespace RealtimeStack.Edge.Model;

/// <summary>How raw input appears in an error message: hostile or huge input stays out of it.</summary>
public static class InputText
{
    /// <summary>At most <paramref name="max"/> characters (then "..."), anything but printable ASCII as '?'.</summary>
    public static string Shorten(string raw, int max = 40)
    {
        var printable = new string(raw.Take(max).Select(c => c is < ' ' or > '~' ? '?' : c).ToArray());
        return raw.Length > max ? printable + "..." : printable;
    }
}
