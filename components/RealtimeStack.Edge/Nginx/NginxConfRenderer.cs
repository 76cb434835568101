using System.Globalization;
using RealtimeStack.Edge.Model;
using static RealtimeStack.Edge.Nginx.Directive;

namespace RealtimeStack.Edge.Nginx;

/// <summary>
/// Computes the complete nginx.conf of an edge as data. Pure: the same model and layout give the same tree,
/// and so (through <see cref="NginxConfWriter"/>) the same bytes.
/// </summary>
public static class NginxConfRenderer
{
    /// <summary>The variable the upgrade map sets. It maps "no Upgrade header" to an empty Connection header, not
    /// to "close", so a keepalive upstream is never told to close.</summary>
    public const string ConnectionUpgradeVariable = "$connection_upgrade";

    /// <summary>Answered 204 on the plain HTTP listener, for container health checks (never redirected).</summary>
    public const string HealthPath = "/healthz";

    /// <summary>
    /// Headers every proxied location sends: only what the edge vouches for. The client address is $remote_addr (the
    /// connection's peer, or the client a trusted proxy named), in X-Real-IP and X-Forwarded-For alike; host, port
    /// and scheme are the edge's. Headers a client could write to pose as a proxy in front of the backends (Forwarded,
    /// True-Client-IP, the URL overrides some frameworks honour) are sent empty, which nginx leaves out.
    /// proxy_set_header is inherited only by levels that set none, so each location repeats the whole list.
    /// </summary>
    public static IReadOnlyList<(string Name, string Value)> ForwardedHeaders { get; } =
    [
        ("Host", "$host"),
        ("X-Real-IP", "$remote_addr"),
        ("X-Forwarded-For", "$remote_addr"),
        ("X-Forwarded-Proto", "$scheme"),
        ("X-Forwarded-Host", "$host"),
        ("X-Forwarded-Port", "$server_port"),
        .. ClientAddressSpec.UnvouchedHeaders.Select(name => (name, "")),
    ];

    /// <summary>
    /// Backend response headers nginx would act on and this edge ignores: X-Accel-Redirect would let a backend send
    /// the client to any internal location (another route's backend, with the first route's request); the rate,
    /// expiry and charset ones change nginx's handling of the response. X-Accel-Buffering stays honoured: it only
    /// unbuffers a response, which a streaming API response may need.
    /// </summary>
    public static IReadOnlyList<string> IgnoredBackendHeaders { get; } = ["X-Accel-Redirect", "X-Accel-Limit-Rate", "X-Accel-Expires", "X-Accel-Charset"];

    public static string Render(EdgeSpec spec, NginxLayout layout) => NginxConfWriter.Write(Build(spec, layout));

    public static NginxConf Build(EdgeSpec spec, NginxLayout layout)
    {
        var capacity = spec.Capacity;
        Directive?[] main =
        [
            Simple("worker_processes", capacity.WorkerProcesses?.ToString(CultureInfo.InvariantCulture) ?? "auto"),
            Simple("worker_rlimit_nofile", InvariantText.Of(capacity.WorkerRlimitNofile)),
            Simple("worker_shutdown_timeout", capacity.WorkerShutdownTimeout.ToNginx()),
            layout.ErrorLog is { } errorLog ? Simple("error_log", errorLog, "warn") : null,
            Blocked("events", [Simple("worker_connections", InvariantText.Of(capacity.WorkerConnections))]),
            Http(spec, layout),
        ];
        return new NginxConf(main.OfType<Directive>().ToArray());
    }

    private static Directive Http(EdgeSpec spec, NginxLayout layout) => Blocked("http",
    [
        Simple("default_type", "application/octet-stream"),
        Simple("server_tokens", "off"),
        .. AccessLogFormat.Http(),
        layout.AccessLog is { } accessLog ? AccessLogFormat.AccessLog(accessLog) : null,
        .. TempPaths(layout),
        Simple("keepalive_timeout", spec.Listen.KeepaliveTimeout.ToNginx()),
        Simple("server_names_hash_bucket_size", InvariantText.Of(NamesHashBucketSize(spec))),
        Blocked("map", ["$http_upgrade", ConnectionUpgradeVariable],
        [
            Simple("default", "upgrade"),
            Simple("", ""),
        ]),
        .. Gzip(spec.Gzip),
        Simple("proxy_http_version", "1.1"),
        Simple("proxy_ignore_headers", [.. IgnoredBackendHeaders]),
        Simple("client_max_body_size", spec.Body.MaxSize.ToNginx()),
        Simple("client_body_buffer_size", spec.Body.BufferSize.ToNginx()),
        .. ClientAddressDirectives.RealIp(spec.ClientAddress),
        .. ClientLimitsDirectives.Http(spec),
        .. Resolver(ResolverFor(spec, layout)),
        .. spec.Upstreams.All.Select(group => Upstream(group, spec.Upstreams, ResolverFor(spec, layout) is not null)),
        RedirectOrPlainServer(spec, layout),
        spec.Listen.RejectUnknownHosts ? UnknownHostServers.Plain([layout.Listen(spec.Listen.HttpPort), .. ClientAddressDirectives.ListenParameters(spec.ClientAddress)], SocketOptions(spec, catchAll: true), HealthLocation()) : null,
        TlsServer(spec, layout),
        spec.Listen.RejectUnknownHosts ? UnknownHostServers.Tls([.. TlsListen(spec, layout), .. ClientAddressDirectives.ListenParameters(spec.ClientAddress)], SocketOptions(spec, catchAll: true), spec.Tls.Protocols, TlsProtocolNames.Name) : null,
        StatusServer.For(spec.Metrics, layout),
    ]);

    private static IEnumerable<Directive> TempPaths(NginxLayout layout)
    {
        if (layout.TempDirectory is not { } temp) yield break;
        foreach (var kind in new[] { "client_body", "proxy", "fastcgi", "uwsgi", "scgi" })
            yield return Simple($"{kind}_temp_path", Path.Combine(temp, kind));
    }

    private static IEnumerable<Directive> Gzip(GzipSpec gzip)
    {
        if (!gzip.Enabled)
        {
            yield return Simple("gzip", "off");
            yield break;
        }
        yield return Simple("gzip", "on");
        yield return Simple("gzip_proxied", "any");
        yield return Simple("gzip_vary", "on");
        if (gzip.Types.Count > 0) yield return Simple("gzip_types", [.. gzip.Types]);
        yield return Simple("gzip_min_length", InvariantText.Of(gzip.MinLength));
        yield return Simple("gzip_comp_level", InvariantText.Of(gzip.Level));
    }

    public static string UpstreamName(UpstreamGroup group) => "realtime_" + group.Name;

    /// <summary>The resolver nginx follows upstream names with, when both the target nginx and the layout have one;
    /// otherwise null, and nginx resolves names only when it loads the configuration.</summary>
    public static NginxResolver? ResolverFor(EdgeSpec spec, NginxLayout layout) =>
        spec.NginxVersion.HasUpstreamResolve ? layout.Resolver : null;

    private static IEnumerable<Directive> Resolver(NginxResolver? resolver)
    {
        if (resolver is null) yield break;
        yield return Simple("resolver", [.. resolver.Arguments()]);
        yield return Simple("resolver_timeout", resolver.Timeout.ToNginx());
    }

    // Re-resolving needs the group in shared memory (zone); only names are re-resolved, addresses stay as written.
    // The balancing method comes before keepalive, which wraps whichever method is set when it is read.
    private static Directive Upstream(UpstreamGroup group, UpstreamsSpec upstreams, bool resolve) => Blocked("upstream", [UpstreamName(group)],
    [
        resolve ? Simple("zone", UpstreamName(group), ZoneSize(group).ToNginx()) : null,
        // Cookie affinity exists only in the cluster modes (ingress-nginx's cookie, Envoy's cookie hash); the binder refuses it in docker mode.
        // A consistent hash skips a server left out after a failure, so its clients go to the next one on the ring.
        group.Stickiness == Stickiness.ClientIp ? Simple("hash", "$remote_addr", "consistent") : null,
        .. group.Servers.Select(s => Simple("server",
            [s.ToString(), .. resolve && !s.IsAddress ? ["resolve"] : Array.Empty<string>(), .. UpstreamFailoverDirectives.ServerParameters(upstreams)])),
        group.Keepalive > 0 ? Simple("keepalive", InvariantText.Of(group.Keepalive)) : null,
    ]);

    /// <summary>
    /// The group's shared memory. nginx 1.28 needs about 1k per named server when it loads (64 names do not fit in
    /// 64k); while running, each resolved address adds a peer, and a re-resolution allocates the new peers before it
    /// frees the old. 4k per server leaves room for both, and 64k (the size nginx's documentation uses) is the floor.
    /// </summary>
    public static ByteSize ZoneSize(UpstreamGroup group) => ByteSize.Kilobytes(Math.Max(64, 4L * group.Servers.Count));

    private static Directive RedirectOrPlainServer(EdgeSpec spec, NginxLayout layout)
    {
        var head = new[]
        {
            Simple("listen", [layout.Listen(spec.Listen.HttpPort), .. SocketOptions(spec, catchAll: false), .. ClientAddressDirectives.ListenParameters(spec.ClientAddress)]),
            Simple("server_name", [.. spec.ServerNames.Select(n => n.Value)]),
        };
        var health = HealthLocation();
        if (!spec.Listen.RedirectHttpToHttps) return Blocked("server", [.. head, health, RequestGuards.Path, .. Locations(spec, hsts: null), NotFound()]);
        var target = spec.Listen.HttpsPort == 443 ? "https://$host$request_uri" : $"https://$host:{InvariantText.Of(spec.Listen.HttpsPort)}$request_uri";
        return Blocked("server", [.. head, health, Blocked("location", ["/"], [Simple("return", "301", target)])]);
    }

    private static Directive HealthLocation() =>
        Blocked("location", ["=", HealthPath], [Simple("access_log", "off"), Simple("return", "204")]);

    // Anything outside the routes: answered here, so nginx never looks for a file under its html root.
    private static Directive NotFound() => Blocked("location", ["/"], [Simple("return", "404")]);

    /// <summary>
    /// The socket options of a public listener: reuseport (the kernel spreads connections across workers) and the
    /// listen backlog (<see cref="CapacitySpec.ListenBacklog"/>). nginx takes them once per address:port, so they go
    /// on the catch-all server when there is one (rejectUnknownHosts) and on the named server otherwise; every other
    /// server on that address:port gets none.
    /// </summary>
    private static string[] SocketOptions(EdgeSpec spec, bool catchAll) => catchAll == spec.Listen.RejectUnknownHosts
        ? ["reuseport", "backlog=" + InvariantText.Of(spec.Capacity.ListenBacklog)]
        : [];

    // ssl (and http2 before nginx 1.25.1) belong to the address:port; every server on it repeats them.
    private static string[] TlsListen(EdgeSpec spec, NginxLayout layout) => spec.Tls.Http2 && !spec.NginxVersion.HasHttp2Directive
        ? [layout.Listen(spec.Listen.HttpsPort), "ssl", "http2"]
        : [layout.Listen(spec.Listen.HttpsPort), "ssl"];

    private static Directive TlsServer(EdgeSpec spec, NginxLayout layout)
    {
        var tls = spec.Tls;
        string[] listen = [.. TlsListen(spec, layout), .. SocketOptions(spec, catchAll: false)];
        var hsts = tls.StrictTransportSecurity is { } value ? Simple("add_header", "Strict-Transport-Security", value, "always") : null;
        return Blocked("server",
        [
            Simple("listen", [.. listen, .. ClientAddressDirectives.ListenParameters(spec.ClientAddress)]),
            tls.Http2 && spec.NginxVersion.HasHttp2Directive ? Simple("http2", "on") : null,
            Simple("server_name", [.. spec.ServerNames.Select(n => n.Value)]),
            Simple("ssl_certificate", layout.CertificatePath),
            Simple("ssl_certificate_key", layout.PrivateKeyPath),
            Simple("ssl_protocols", [.. tls.Protocols.Select(TlsProtocolNames.Name)]),
            tls.SessionCacheSize.Bytes > 0
                ? Simple("ssl_session_cache", "shared:realtime_tls:" + tls.SessionCacheSize.ToNginx())
                : Simple("ssl_session_cache", "none"),
            Simple("ssl_session_timeout", "1h"),
            Simple("ssl_buffer_size", tls.BufferSize.ToNginx()),
            hsts,
            RequestGuards.Path,
            .. Locations(spec, hsts),
            NotFound(),
        ]);
    }

    private static IEnumerable<Directive> Locations(EdgeSpec spec, Directive? hsts) =>
        spec.Routes.All.Select(route => Location(route, spec.Upstreams.For(route.Kind), ForwardedHeaders, hsts, ClientLimitsDirectives.ForRoute(spec.Limits, route.Kind)));

    private static Directive Location(RouteSpec route, UpstreamGroup upstream, IReadOnlyList<(string Name, string Value)> forwarded, Directive? hsts, IEnumerable<Directive> limits)
    {
        string[] match = route.Kind == RouteKind.Api ? [route.Path] : ["^~", route.Path];
        var connection = route.Kind == RouteKind.WebSocket ? ConnectionUpgradeVariable : "";
        List<Directive?> body =
        [
            AccessLogFormat.SetRoute(route.Kind),
            .. RequestGuards.ForRoute(route.Kind),
            .. limits,
            Simple("proxy_pass", "http://" + UpstreamName(upstream)),
        ];
        body.AddRange(forwarded.Select(h => Simple("proxy_set_header", h.Name, h.Value)));
        if (route.Kind == RouteKind.WebSocket) body.Add(Simple("proxy_set_header", "Upgrade", "$http_upgrade"));
        body.Add(Simple("proxy_set_header", "Connection", connection));
        body.Add(Simple("proxy_connect_timeout", route.ConnectTimeout.ToNginx()));
        body.AddRange(UpstreamFailoverDirectives.LocationDirectives(route));
        body.Add(Simple("proxy_read_timeout", route.ReadTimeout.ToNginx()));
        body.Add(Simple("proxy_send_timeout", route.SendTimeout.ToNginx()));
        body.Add(Simple("send_timeout", route.SendTimeout.ToNginx()));
        if (route.BufferSize is { } buffer) body.Add(Simple("proxy_buffer_size", buffer.ToNginx()));
        if (route.Kind == RouteKind.ServerSentEvents)
        {
            // Unbuffering has to happen here: X-Accel-Buffering is read from the upstream's response, so adding it
            // to nginx's own response changes nothing for this nginx.
            body.Add(Simple("proxy_buffering", "off"));
            body.Add(Simple("proxy_cache", "off"));
            body.Add(Simple("gzip", "off"));
            // Replace the backend's Cache-Control rather than send two.
            body.Add(Simple("proxy_hide_header", "Cache-Control"));
            body.Add(Simple("add_header", "Cache-Control", RouteSpec.StreamCacheControl, "always"));
            // add_header here hides the server's add_header, so HSTS is repeated.
            body.Add(hsts);
        }
        if (route.Kind == RouteKind.WebSocket) body.Add(Simple("gzip", "off"));
        return Blocked("location", match, body);
    }

    // nginx refuses to start when the longest server name does not fit a hash bucket.
    private static int NamesHashBucketSize(EdgeSpec spec)
    {
        var needed = spec.ServerNames.Max(n => n.Value.Length) + 16;
        var size = 64;
        while (size < needed) size *= 2;
        return size;
    }
}
