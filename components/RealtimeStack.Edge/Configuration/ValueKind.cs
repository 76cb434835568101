namespace RealtimeStack.Edge.Configuration;

/// <summary>
/// The shape of a setting's value. Flat configuration spells every kind as text (a list comma-separated); the
/// component's inputs and structured stack config carry them typed.
/// </summary>
public enum ValueKind
{
    /// <summary>Text, including nginx durations ("1h") and sizes ("10m").</summary>
    Text,

    Integer,

    Boolean,

    /// <summary>A list of text items.</summary>
    List,
}
