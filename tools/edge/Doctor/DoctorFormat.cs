using System.Globalization;

namespace RealtimeStack.Cli.Doctor;

/// <summary>How measured times and failures read in the report: milliseconds below 10 s, seconds above.</summary>
public static class DoctorFormat
{
    public static string Duration(TimeSpan value) =>
        value < TimeSpan.FromSeconds(10)
            ? value.TotalMilliseconds < 1000
                ? ((long)Math.Round(value.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture) + " ms"
                : value.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s"
            : value.TotalSeconds.ToString("0", CultureInfo.InvariantCulture) + " s";

    public static string Milliseconds(double value) => Duration(TimeSpan.FromMilliseconds(value));

    /// <summary>The innermost useful message of a network failure, without a stack trace.</summary>
    public static string Failure(Exception error)
    {
        var messages = new List<string>();
        for (var e = error; e is not null; e = e.InnerException)
        {
            var message = e is System.Net.Sockets.SocketException socket ? SocketMessage(socket) : e.Message.Trim();
            if (message.Length > 0 && !messages.Any(m => m.Contains(message, StringComparison.OrdinalIgnoreCase))) messages.Add(message);
        }
        return messages.Count == 0 ? error.GetType().Name : string.Join(": ", messages.TakeLast(2));
    }

    private static string SocketMessage(System.Net.Sockets.SocketException e) => e.SocketErrorCode switch
    {
        System.Net.Sockets.SocketError.ConnectionRefused => "connection refused",
        System.Net.Sockets.SocketError.HostNotFound or System.Net.Sockets.SocketError.NoData => "host name not found",
        System.Net.Sockets.SocketError.TimedOut => "timed out",
        System.Net.Sockets.SocketError.ConnectionReset => "connection reset",
        System.Net.Sockets.SocketError.NetworkUnreachable or System.Net.Sockets.SocketError.HostUnreachable => "no route to host",
        _ => e.Message.Trim(),
    };
}
