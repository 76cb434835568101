using RealtimeStack.Edge.Cluster;
using RealtimeStack.Edge.Model;
using static RealtimeStack.Edge.GatewayApi.EnvoyGatewayRelease;

namespace RealtimeStack.Edge.GatewayApi;

/// <summary>
/// Every Gateway API and Envoy Gateway object of gateway mode, computed from the model as the ingress-nginx values
/// and annotations are: the GatewayClass and its EnvoyProxy (replicas, disruption budget, drain), the Gateway (an
/// HTTPS listener per name, or one for all, and the HTTP listener), an HTTPRoute per route plus the HTTPS redirect,
/// a BackendTrafficPolicy per route and a ClientTrafficPolicy for the Gateway. Each object is checked in tests
/// against the CRD schemas of the pinned releases.
/// </summary>
public static class GatewaySettings
{
    public const string GatewayName = "realtime";
    public const string HttpListener = "http";
    public const string RedirectRouteName = "realtime-https-redirect";

    /// <summary>A Gateway has at most 64 listeners: this many HTTPS ones beside the HTTP one.</summary>
    public const int MaxHttpsListeners = 63;

    /// <summary>Envoy's format string for the client address it settled on (after X-Forwarded-For or the PROXY
    /// protocol from trusted proxies): what nginx sends as X-Real-IP $remote_addr.</summary>
    public const string ClientAddressFormat = "%DOWNSTREAM_REMOTE_ADDRESS_WITHOUT_PORT%";

    /// <summary>
    /// What every route tells its backend, as the nginx edge does: the client address Envoy settled on as X-Real-IP
    /// and X-Forwarded-For alone (Envoy would append its hop to what the client sent), the Host the client asked for
    /// and the port it reached as X-Forwarded-Host and -Port (Envoy sets X-Forwarded-Proto itself); header values are
    /// Envoy format strings (Envoy Gateway passes them through to the route's request_headers_to_add).
    /// </summary>
    public static IReadOnlyList<(string Name, string Value)> ForwardedHeaders { get; } =
    [
        ("X-Real-IP", ClientAddressFormat),
        ("X-Forwarded-For", ClientAddressFormat),
        ("X-Forwarded-Host", "%REQ(:AUTHORITY)%"),
        ("X-Forwarded-Port", "%DOWNSTREAM_LOCAL_PORT%"),
    ];

    /// <summary>
    /// The max_active_downstream_connections of the overload manager in Envoy Gateway's bootstrap
    /// (internal/xds/bootstrap/bootstrap.yaml.tpl, v1.9.0: 50,000, its first resource monitor), which caps every
    /// proxy below what the connection limit would allow; the EnvoyProxy's bootstrap patch sets it to that limit.
    /// </summary>
    public const string MaxDownstreamConnectionsPointer = "/overload_manager/resource_monitors/0/typed_config/max_active_downstream_connections";

    private const string V1 = GatewayApiGroup + "/v1";
    private const string V1Alpha1 = EnvoyGatewayGroup + "/v1alpha1";

    /// <summary>Every object, in creation order: <see cref="ClassObjects"/> then <see cref="EdgeObjects"/>.</summary>
    public static IReadOnlyList<CustomObject> All(EdgeSpec edge, DeploymentSpec deployment, string tlsSecretName) =>
        [.. ClassObjects(edge, deployment), .. EdgeObjects(edge, deployment, tlsSecretName)];

    /// <summary>The class and its proxies' parameters, in Envoy Gateway's namespace (cluster-scoped for the class).</summary>
    public static IReadOnlyList<CustomObject> ClassObjects(EdgeSpec edge, DeploymentSpec deployment) =>
        [EnvoyProxy(edge, deployment), GatewayClass(deployment)];

    /// <summary>The Gateway, its routes and policies, in the backends' namespace; <paramref name="tlsSecretName"/> is
    /// the TLS Secret's name.</summary>
    public static IReadOnlyList<CustomObject> EdgeObjects(EdgeSpec edge, DeploymentSpec deployment, string tlsSecretName) =>
        [Gateway(edge, deployment, tlsSecretName), .. RouteObjects(edge, deployment)];

    /// <summary>The routes and policies: every edge object but the Gateway, none of which names the TLS Secret.</summary>
    public static IReadOnlyList<CustomObject> RouteObjects(EdgeSpec edge, DeploymentSpec deployment) =>
    [
        .. HttpRoutes(edge, deployment),
        .. BackendTrafficPolicies(edge, deployment),
        ClientTrafficPolicy(edge, deployment),
    ];

    public static CustomObject GatewayClass(DeploymentSpec deployment) => new(V1, "GatewayClass", deployment.GatewayClass, null, ObjectMap.Of(
        ("controllerName", ControllerName(deployment)),
        // At most 64 characters (the CRD's maxLength).
        ("description", "RealtimeStack SSE and WebSocket edge"),
        ("parametersRef", ObjectMap.Of(
            ("group", EnvoyGatewayGroup),
            ("kind", "EnvoyProxy"),
            ("name", deployment.GatewayClass),
            ("namespace", NamespaceOf(deployment))))));

    /// <summary>
    /// The proxies of the class: replicas, a disruption budget keeping one up (only with more than one: a budget of
    /// one replica would block every node drain), the client address kept by <c>externalTrafficPolicy: Local</c>,
    /// and the drain on shutdown: open streams get workerShutdownTimeout, as nginx's old workers do on a reload
    /// (Envoy Gateway sets the pod's grace period 300 s beyond it).
    /// </summary>
    public static CustomObject EnvoyProxy(EdgeSpec edge, DeploymentSpec deployment) => new(V1Alpha1, "EnvoyProxy", deployment.GatewayClass, NamespaceOf(deployment), ObjectMap.Of(
        ("provider", ObjectMap.Of(
            ("type", "Kubernetes"),
            ("kubernetes", ObjectMap.Of(
                ("envoyDeployment", ObjectMap.Of(("replicas", deployment.ProxyReplicas))),
                ("envoyPDB", deployment.ProxyReplicas > 1 ? ObjectMap.Of(("minAvailable", 1)) : null),
                ("envoyService", ObjectMap.Of(("externalTrafficPolicy", "Local"))))))),
        // Without this each proxy stops accepting at 50,000 connections, whatever maxStreams asks for.
        ("bootstrap", ObjectMap.Of(
            ("type", "JSONPatch"),
            ("jsonPatches", new object[] { ObjectMap.Of(("op", "replace"), ("path", MaxDownstreamConnectionsPointer), ("value", CircuitBreakerLimit(edge))) }))),
        ("shutdown", ObjectMap.Of(
            ("drainTimeout", GatewayDuration.Of(edge.Capacity.WorkerShutdownTimeout)),
            ("minDrainDuration", GatewayDuration.Of(deployment.DrainDelay))))));

    /// <summary>HTTPS listener names: one per server name when unknown names are refused (a listener with a hostname
    /// only completes handshakes for it), else one for every name.</summary>
    public static IReadOnlyList<(string Name, string? Hostname)> HttpsListeners(EdgeSpec edge) => edge.Listen.RejectUnknownHosts
        ? edge.ServerNames.Select((n, i) => ($"https-{i}", (string?)n.Value)).ToArray()
        : [("https", null)];

    public static CustomObject Gateway(EdgeSpec edge, DeploymentSpec deployment, string tlsSecretName)
    {
        var listeners = HttpsListeners(edge).Select(l => (object)ObjectMap.Of(
            ("name", l.Name),
            ("hostname", l.Hostname),
            ("port", edge.Listen.HttpsPort),
            ("protocol", "HTTPS"),
            ("tls", ObjectMap.Of(
                ("mode", "Terminate"),
                ("certificateRefs", new object[] { ObjectMap.Of(("kind", "Secret"), ("name", tlsSecretName)) }))))).ToList();
        listeners.Add(ObjectMap.Of(("name", HttpListener), ("port", edge.Listen.HttpPort), ("protocol", "HTTP")));
        return new(V1, "Gateway", GatewayName, deployment.Namespace, ObjectMap.Of(
            ("gatewayClassName", deployment.GatewayClass),
            ("listeners", listeners.ToArray())));
    }

    /// <summary>The /api/, /sse/ and /ws/ routes, then the redirect of plain HTTP (when asked for).</summary>
    public static IReadOnlyList<CustomObject> HttpRoutes(EdgeSpec edge, DeploymentSpec deployment)
    {
        var routes = BackendWorkload.ByRoute(edge, deployment).Select(r => Route(edge, deployment, r.Route, r.Workload)).ToList();
        if (edge.Listen.RedirectHttpToHttps) routes.Add(RedirectRoute(edge, deployment));
        return routes;
    }

    private static CustomObject Route(EdgeSpec edge, DeploymentSpec deployment, RouteSpec route, BackendWorkload workload)
    {
        var parents = HttpsListeners(edge).Select(l => l.Name).ToList();
        // Without the redirect, plain HTTP serves the routes too, as the nginx edge's port 80 server does.
        if (!edge.Listen.RedirectHttpToHttps) parents.Add(HttpListener);
        var responseHeaders = new List<object>();
        // Streams must never be cached or replayed (nginx: add_header Cache-Control no-store on the SSE location).
        if (route.Kind == RouteKind.ServerSentEvents) responseHeaders.Add(Header("Cache-Control", RouteSpec.StreamCacheControl));
        if (edge.Tls.StrictTransportSecurity is { } hsts) responseHeaders.Add(Header("Strict-Transport-Security", hsts));
        var filters = new List<object>
        {
            ObjectMap.Of(("type", "RequestHeaderModifier"), ("requestHeaderModifier", ObjectMap.Of(
                ("set", ForwardedHeaders.Select(h => (object)Header(h.Name, h.Value)).ToArray()),
                ("remove", ClientAddressSpec.UnvouchedHeaders.ToArray<object>())))),
        };
        if (responseHeaders.Count > 0)
            filters.Add(ObjectMap.Of(("type", "ResponseHeaderModifier"), ("responseHeaderModifier", ObjectMap.Of(("set", responseHeaders.ToArray())))));
        return new(V1, "HTTPRoute", workload.Name, deployment.Namespace, ObjectMap.Of(
            ("parentRefs", parents.Select(p => (object)ObjectMap.Of(("name", GatewayName), ("sectionName", p))).ToArray()),
            ("hostnames", Hostnames(edge)),
            ("rules", new object[]
            {
                ObjectMap.Of(
                    ("matches", Methods(route.Kind).Select(method => (object)ObjectMap.Of(
                        ("path", ObjectMap.Of(("type", "PathPrefix"), ("value", route.Path))),
                        ("method", method))).ToArray()),
                    ("filters", filters.ToArray()),
                    ("backendRefs", new object[] { ObjectMap.Of(("name", workload.Name), ("port", workload.Port)) }),
                    // Envoy Gateway's route timeout is 15 s unless set, and it is a deadline for the whole response,
                    // not nginx's gap between two reads: none on any route (0s); the gap is the route's stream idle
                    // timeout (BackendTrafficPolicy), as nginx's read timeout is.
                    ("timeouts", ObjectMap.Of(("request", GatewayDuration.Zero)))),
            })));
    }

    /// <summary>The names a route answers for: the edge's, or, when unknown names are served (rejectUnknownHosts off,
    /// as nginx's servers then serve any Host), none, which the Gateway API reads as every name.</summary>
    private static object[]? Hostnames(EdgeSpec edge) =>
        edge.Listen.RejectUnknownHosts ? edge.ServerNames.Select(n => (object)n.Value).ToArray() : null;

    /// <summary>The methods a route takes, as the nginx edge's stream locations do (another method gets 404 from Envoy,
    /// where nginx answers 405); the API takes any (null: no method match).</summary>
    private static IReadOnlyList<string?> Methods(RouteKind kind) => kind switch
    {
        RouteKind.ServerSentEvents => ["GET", "HEAD"],
        RouteKind.WebSocket => ["GET"],
        _ => [null],
    };

    private static CustomObject RedirectRoute(EdgeSpec edge, DeploymentSpec deployment) => new(V1, "HTTPRoute", RedirectRouteName, deployment.Namespace, ObjectMap.Of(
        ("parentRefs", new object[] { ObjectMap.Of(("name", GatewayName), ("sectionName", HttpListener)) }),
        ("hostnames", Hostnames(edge)),
        ("rules", new object[]
        {
            // No path modifier: the path and query are kept. Without a port, https implies 443.
            ObjectMap.Of(("filters", new object[]
            {
                ObjectMap.Of(("type", "RequestRedirect"), ("requestRedirect", ObjectMap.Of(
                    ("scheme", "https"),
                    ("port", edge.Listen.HttpsPort == 443 ? null : edge.Listen.HttpsPort),
                    ("statusCode", 301)))),
            })),
        })));

    /// <summary>
    /// Per route: pinning (stream routes, as realtime:stickiness says), circuit breakers sized for every stream the
    /// edge must hold (Envoy's default of 1024 connections per backend would refuse the 1025th stream), the connect
    /// and idle timeouts, compression on the API only, and retries only where a request cannot have reached a
    /// backend (never resending a POST that did, as nginx does not).
    /// </summary>
    public static IReadOnlyList<CustomObject> BackendTrafficPolicies(EdgeSpec edge, DeploymentSpec deployment) =>
        BackendWorkload.ByRoute(edge, deployment).Select(r => BackendTrafficPolicy(edge, deployment, r.Route, r.Workload)).ToArray();

    /// <summary>Connections, pending and parallel requests each backend route allows per proxy: the streams plus
    /// the reserve nginx keeps for everything else.</summary>
    public static int CircuitBreakerLimit(EdgeSpec edge) => edge.Capacity.MaxStreams + CapacitySpec.Reserve;

    private static CustomObject BackendTrafficPolicy(EdgeSpec edge, DeploymentSpec deployment, RouteSpec route, BackendWorkload workload)
    {
        var limit = CircuitBreakerLimit(edge);
        return new(V1Alpha1, "BackendTrafficPolicy", workload.Name, deployment.Namespace, ObjectMap.Of(
            ("targetRefs", new object[] { ObjectMap.Of(("group", GatewayApiGroup), ("kind", "HTTPRoute"), ("name", workload.Name)) }),
            ("loadBalancer", LoadBalancer(edge.Upstreams.For(route.Kind).Stickiness, route, deployment)),
            ("circuitBreaker", ObjectMap.Of(("maxConnections", limit), ("maxPendingRequests", limit), ("maxParallelRequests", limit))),
            ("timeout", ObjectMap.Of(
                ("tcp", ObjectMap.Of(("connectTimeout", GatewayDuration.Of(route.ConnectTimeout)))),
                ("http", ObjectMap.Of(("streamIdleTimeout", GatewayDuration.Of(route.ReadTimeout)))))),
            ("retry", ObjectMap.Of(
                ("numRetries", UpstreamFailover.Tries - 1),
                ("retryOn", ObjectMap.Of(("triggers", new object[] { "connect-failure", "refused-stream" }))))),
            // Compression holds events back: never on the stream routes.
            ("compressor", route.Kind == RouteKind.Api && edge.Gzip.Enabled
                ? new object[] { ObjectMap.Of(("type", "Gzip"), ("minContentLength", edge.Gzip.MinLength)) }
                : null)));
    }

    private static SortedDictionary<string, object>? LoadBalancer(Stickiness stickiness, RouteSpec route, DeploymentSpec deployment) => (route.Kind, stickiness) switch
    {
        (RouteKind.Api, _) or (_, Stickiness.None) => null,
        (_, Stickiness.ClientIp) => ObjectMap.Of(("type", "ConsistentHash"), ("consistentHash", ObjectMap.Of(("type", "SourceIP")))),
        _ => ObjectMap.Of(("type", "ConsistentHash"), ("consistentHash", ObjectMap.Of(
            ("type", "Cookie"),
            ("cookie", ObjectMap.Of(
                ("name", AffinityCookie.Name),
                ("ttl", GatewayDuration.Of(deployment.AffinityTimeout)),
                // An attribute without a value (Secure) is written as its name alone.
                ("attributes", ObjectMap.Of(("Path", route.Path), ("SameSite", AffinityCookie.SameSite), ("Secure", AffinityCookie.Secure ? "" : null))))))))
    };

    /// <summary>
    /// The Gateway's client side: the client address believed only from trusted proxies (X-Forwarded-For or the
    /// PROXY protocol), as many connections as the streams need, the header timeout, keepalive, and the TLS protocols
    /// and ALPN (h2 when HTTP/2 is on). No stream idle timeout here: each route's BackendTrafficPolicy sets its own,
    /// which Envoy Gateway puts on the route and which replaces the listener's 5-minute default for it; so a route's
    /// timeout changes only the route, never the listener (a listener change drains its connections).
    /// </summary>
    public static CustomObject ClientTrafficPolicy(EdgeSpec edge, DeploymentSpec deployment)
    {
        var client = edge.ClientAddress;
        var tls = edge.Tls;
        return new(V1Alpha1, "ClientTrafficPolicy", GatewayName, deployment.Namespace, ObjectMap.Of(
            ("targetRefs", new object[] { ObjectMap.Of(("group", GatewayApiGroup), ("kind", "Gateway"), ("name", GatewayName)) }),
            // The PROXY protocol is refused in gateway mode (StackModel): Envoy Gateway's listener filter believes any sender.
            ("clientIPDetection", client.BehindProxies
                ? ObjectMap.Of(("xForwardedFor", ObjectMap.Of(("trustedCIDRs", client.TrustedProxies.Select(r => (object)r.ToString()).ToArray()))))
                : null),
            ("connection", ObjectMap.Of(("connectionLimit", ObjectMap.Of(("value", CircuitBreakerLimit(edge)))))),
            ("timeout", ObjectMap.Of(("http", ObjectMap.Of(
                ("requestHeadersReceivedTimeout", GatewayDuration.Of(edge.Limits.HeaderTimeout)),
                ("idleTimeout", GatewayDuration.Of(edge.Listen.KeepaliveTimeout)))))),
            ("tls", ObjectMap.Of(
                ("minVersion", tls.Protocols.Contains(TlsProtocol.Tls12) ? "1.2" : "1.3"),
                ("maxVersion", tls.Protocols.Contains(TlsProtocol.Tls13) ? "1.3" : "1.2"),
                ("alpnProtocols", tls.Http2 ? new object[] { "h2", "http/1.1" } : new object[] { "http/1.1" })))));
    }

    private static SortedDictionary<string, object> Header(string name, string value) => ObjectMap.Of(("name", name), ("value", value));
}
