namespace RealtimeStack.Local;

/// <summary>nginx is not installed where this host can run it.</summary>
public sealed class NginxNotFoundException() : Exception(
    "nginx was not found on PATH or in /usr/sbin. Install it: 'apt-get install -y nginx-light' (Debian/Ubuntu), " +
    "'brew install nginx' (macOS), or set REALTIME_NGINX to the nginx binary.");
