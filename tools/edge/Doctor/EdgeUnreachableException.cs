namespace RealtimeStack.Cli.Doctor;

/// <summary>Nothing could be measured: the HTTPS URL does not resolve or accept connections (exit code 2).</summary>
public sealed class EdgeUnreachableException(string message, Exception? inner = null) : Exception(message, inner);
