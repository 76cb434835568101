namespace RealtimeStack.Cli.Doctor;

/// <summary>
/// Tells the kind of edge from the Server headers of its answers. nginx (and so ingress-nginx) always names itself
/// ("nginx", "nginx/1.27.3"), on its own answers and on proxied ones (it hides the backend's Server header). Plain
/// Envoy says "envoy". Envoy Gateway hides Envoy by default (its listeners pass the backend's Server header through
/// and add none), so its own answer, the HTTP to HTTPS redirect, carries no Server header while proxied answers carry
/// the backend's. Only the fix order depends on this, so a wrong guess hides nothing.
/// </summary>
public static class EdgeKindDetector
{
    public const string RedirectProbe = "redirect";

    public static EdgeIdentity Detect(IReadOnlyList<ServerHeaderObservation> answers)
    {
        if (answers.Count == 0) return new(null, false, "no answer to go by");
        var named = answers.Where(a => a.Server is not null).ToArray();
        if (named.Length == answers.Count && named.All(a => Says(a, "envoy")))
            return new(EdgeKind.EnvoyGateway, false, $"server: {named[0].Server} on every answer");
        if (named.Length == answers.Count && named.All(a => Says(a, "nginx")))
            return new(EdgeKind.Nginx, false, $"server: {named[0].Server} on every answer, nginx or ingress-nginx");

        var redirect = answers.FirstOrDefault(a => a.Probe == RedirectProbe && a.Status is >= 300 and < 400);
        var proxied = answers.Where(a => a.Probe != RedirectProbe).ToArray();
        if (redirect is { Server: null } && proxied.Length > 0 && proxied.All(a => a.Server is not null && !Says(a, "nginx") && !Says(a, "envoy")))
            return new(EdgeKind.EnvoyGateway, false,
                $"no Server header on the edge's own redirect, the backends' (server: {proxied[0].Server}) passed through: Envoy Gateway's default");

        var seen = answers.Select(a => $"{a.Probe}: {a.Server ?? "none"}").Distinct();
        return new(null, false, "the Server headers do not tell: " + string.Join(", ", seen));
    }

    private static bool Says(ServerHeaderObservation answer, string product) =>
        answer.Server is { } server
        && server.StartsWith(product, StringComparison.OrdinalIgnoreCase)
        && (server.Length == product.Length || server[product.Length] is '/' or ' ');
}
