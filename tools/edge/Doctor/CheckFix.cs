namespace RealtimeStack.Cli.Doctor;

/// <summary>What to change when a check fails: the nginx directive(s), and the ingress-nginx setting where one applies.</summary>
public sealed record CheckFix(string Nginx, string? IngressNginx);
