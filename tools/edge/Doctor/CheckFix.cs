namespace RealtimeStack.Cli.Doctor;

/// <summary>
/// What to change when a check fails, per kind of edge: the nginx directive(s), the ingress-nginx setting where one
/// applies, and the Envoy Gateway / Gateway API resource field (field paths as in the Envoy Gateway v1.9 and Gateway
/// API v1.6 CRDs).
/// </summary>
public sealed record CheckFix(string Nginx, string? IngressNginx, string EnvoyGateway);
