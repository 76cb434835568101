using RealtimeStack.Edge.Model;
using K = RealtimeStack.Edge.Configuration.EdgeConfigKeys;

namespace RealtimeStack.Edge.Configuration;

/// <summary>
/// The one binding from flat <c>realtime:*</c> configuration to an <see cref="EdgeSpec"/>, shared by the Pulumi
/// program and the command line. Every error is reported together, each naming the key and the rule.
/// </summary>
public static class EdgeConfigBinder
{
    /// <summary>Builds the model or throws <see cref="EdgeConfigException"/> listing every problem.</summary>
    /// <param name="values">Keys as stack config spells them (<c>realtime:domain</c>); other namespaces are ignored.</param>
    public static EdgeSpec Bind(IReadOnlyDictionary<string, string> values)
    {
        var errors = new Errors();
        CheckUnknownKeys(values, ConfigKey.All, errors);
        var config = new FlatConfig(values, errors);

        var primary = config.Get(K.Domain, ServerName.Parse);
        var aliases = config.GetList(K.Aliases, ServerName.Parse, allowEmpty: true);
        var names = new List<ServerName>();
        foreach (var name in (primary is null ? aliases : aliases.Prepend(primary)))
        {
            if (names.Contains(name)) errors.Add(K.Aliases.FullName, $"'{name}' is listed twice");
            else names.Add(name);
        }

        var listen = new ListenSpec(
            config.Get(K.HttpPort, Port.Parse),
            config.Get(K.HttpsPort, Port.Parse),
            config.GetBool(K.RedirectHttp),
            config.Get(K.KeepaliveTimeout, (k, r) => Duration.Parse(k, r, TimeSpan.Zero, TimeSpan.FromHours(1))),
            config.GetBool(K.RejectUnknownHosts));
        if (listen.HttpPort == listen.HttpsPort)
            errors.Add(K.HttpsPort.FullName, $"must differ from {K.HttpPort.FullName} (both are {listen.HttpPort})");

        var material = BindTlsMaterial(config);
        foreach (var problem in material?.Problems(names, DateTime.UtcNow) ?? [])
            errors.Add(K.TlsCert.FullName, problem);
        var tls = new TlsSpec(
            material,
            BindProtocols(config),
            config.GetBool(K.Http2),
            config.Get(K.TlsBufferSize, (k, r) => ByteSize.Parse(k, r, 1024, 16 * 1024)),
            config.Get(K.TlsSessionCache, ParseSessionCache),
            config.Get(K.HstsMaxAge, (k, r) => Duration.Parse(k, r, TimeSpan.Zero, TimeSpan.FromDays(730))));

        var sticky = config.Get(K.Stickiness, ParseStickiness);
        if (sticky == Stickiness.Cookie && config.Raw(DeploymentConfigKeys.Mode) is not ("kubernetes" or "gateway"))
            errors.Add(K.Stickiness.FullName, $"cookie is only available with {DeploymentConfigKeys.Mode.FullName} kubernetes (ingress-nginx's affinity cookie) or gateway (Envoy's cookie hash); open-source nginx has no sticky cookie: use clientIp");
        var upstreams = new UpstreamsSpec(
            new UpstreamGroup("api", BindServers(config, K.ApiServers), config.GetInt(K.ApiKeepalive, 0, 1024), Stickiness.None),
            new UpstreamGroup("sse", BindServers(config, K.SseServers), 0, sticky),
            new UpstreamGroup("ws", BindServers(config, K.WsServers), 0, sticky),
            config.Get(K.FailTimeout, ParseFailTimeout));

        var connect = config.Get(K.ConnectTimeout, (k, r) => Duration.Parse(k, r, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(75)));
        // Below 1k a typical response header no longer fits. Above 8k nginx refuses the file: its default
        // proxy_busy_buffers_size (twice this) must stay under 7 of the 8 default 4k proxy_buffers.
        var streamBuffer = config.Get(K.StreamBufferSize, (k, r) => ByteSize.Parse(k, r, 1024, 8 * 1024));
        var routes = new RoutesSpec(
            new RouteSpec("/api/", RouteKind.Api, connect, Timeout(config, K.ApiReadTimeout), Timeout(config, K.ApiSendTimeout)),
            new RouteSpec("/sse/", RouteKind.ServerSentEvents, connect, Timeout(config, K.SseReadTimeout), Timeout(config, K.SseSendTimeout), streamBuffer),
            new RouteSpec("/ws/", RouteKind.WebSocket, connect, Timeout(config, K.WsReadTimeout), Timeout(config, K.WsSendTimeout), streamBuffer));

        var body = new BodySpec(
            config.Get(K.ClientMaxBodySize, (k, r) => ByteSize.Parse(k, r)),
            config.Get(K.ClientBodyBufferSize, (k, r) => ByteSize.Parse(k, r, 1024, 1024L * 1024 * 1024)));

        var gzip = new GzipSpec(
            config.GetBool(K.Gzip),
            config.GetList(K.GzipTypes, MimeType.Parse, allowEmpty: true).Distinct().ToArray(),
            config.GetInt(K.GzipMinLength, 0, 1024 * 1024 * 1024),
            config.GetInt(K.GzipLevel, 1, 9));

        var capacity = new CapacitySpec(
            config.GetInt(K.MaxStreams, 1, 1_000_000),
            config.Get(K.WorkerProcesses, ParseWorkers),
            config.Get(K.WorkerShutdownTimeout, (k, r) => Duration.Parse(k, r, TimeSpan.FromSeconds(1), CapacitySpec.MaxWorkerShutdownTimeout)));

        var limits = new LimitsSpec(
            config.GetInt(K.StreamsPerClient, 0, 1_000_000),
            config.GetInt(K.ApiRequestsPerClient, 0, 1_000_000),
            config.Get(K.ApiRate, RequestRate.ParseOptional),
            config.GetInt(K.ApiBurst, 0, 1_000_000),
            config.Get(K.ClientHeaderTimeout, (k, r) => Duration.Parse(k, r, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10))),
            config.Get(K.ClientBodyTimeout, (k, r) => Duration.Parse(k, r, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1))),
            config.Get(K.LargeHeaderBufferSize, (k, r) => ByteSize.Parse(k, r, 1024, 1024 * 1024)));

        var proxies = config.GetList(K.TrustedProxies, IpRange.Parse, allowEmpty: true);
        foreach (var twice in proxies.GroupBy(p => p).Where(g => g.Count() > 1))
            errors.Add(K.TrustedProxies.FullName, $"'{twice.Key}' is listed twice");
        var clientAddress = new ClientAddressSpec(proxies.Distinct().ToArray(), config.GetBool(K.ProxyProtocol));
        if (clientAddress.ProxyProtocol && !clientAddress.BehindProxies)
            errors.Add(K.ProxyProtocol.FullName, $"needs {K.TrustedProxies.FullName}: the PROXY protocol header is believed only from the load balancers listed there");

        var metrics = new MetricsSpec(config.GetBool(K.Metrics), config.Get(K.StatusPort, Port.Parse));
        if (metrics.Enabled && (metrics.StatusPort == listen.HttpPort || metrics.StatusPort == listen.HttpsPort))
            errors.Add(K.StatusPort.FullName, $"must differ from the public ports ({K.HttpPort.FullName} {listen.HttpPort}, {K.HttpsPort.FullName} {listen.HttpsPort}): the status is never served to clients");

        var version = config.Get(K.NginxVersion, Model.NginxVersion.Parse);

        errors.ThrowIfAny();
        return new EdgeSpec(names, listen, tls, upstreams, routes, body, gzip, capacity, limits, clientAddress, metrics, version);
    }

    private static void CheckUnknownKeys(IReadOnlyDictionary<string, string> values, IEnumerable<ConfigKey> known, Errors errors)
    {
        var names = known.SelectMany(k => k.FormerFullName is { } former ? [k.FullName, former] : new[] { k.FullName }).ToHashSet(StringComparer.Ordinal);
        foreach (var conflict in RenamedKeys.Conflicts(values.Keys)) errors.Add(conflict.Key, conflict.Rule);
        foreach (var key in values.Keys.Where(k => k.StartsWith(ConfigKey.Namespace + ":", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            if (names.Contains(key)) continue;
            var close = ConfigKey.Closest(key, known);
            errors.Add(InputText.Shorten(key), close is null ? "is not a known key (see docs/configuration.md)" : $"is not a known key; did you mean {close}?");
        }
    }

    private static TlsMaterial? BindTlsMaterial(FlatConfig config)
    {
        var parsed = BindCertificate(config.Raw(K.TlsCert), config.Raw(K.TlsKey));
        if (parsed.Error is { } error) config.Errors.AddRange([error]);
        return parsed.Value;
    }

    /// <summary>
    /// Certificate and key as a pair: neither (a certificate is generated), or both, parsed and matching. The
    /// component checks its secret inputs with this too, inside their secret.
    /// </summary>
    public static Parsed<TlsMaterial?> BindCertificate(string? certificatePem, string? privateKeyPem)
    {
        if (certificatePem is null && privateKeyPem is null) return Parsed<TlsMaterial?>.Success(null);
        if (certificatePem is null) return Parsed<TlsMaterial?>.Fail(K.TlsCert.FullName, $"is required when {K.TlsKey.FullName} is set");
        if (privateKeyPem is null) return Parsed<TlsMaterial?>.Fail(K.TlsKey.FullName, $"is required when {K.TlsCert.FullName} is set");
        var parsed = TlsMaterial.Parse(K.TlsCert.FullName, certificatePem, K.TlsKey.FullName, privateKeyPem);
        return parsed.Error is { } error ? Parsed<TlsMaterial?>.Fail(error.Key, error.Rule) : Parsed<TlsMaterial?>.Success(parsed.Value);
    }

    private static IReadOnlyList<TlsProtocol> BindProtocols(FlatConfig config)
    {
        var protocols = config.GetList(K.TlsProtocols, ParseProtocol);
        return protocols.Distinct().Order().ToArray();
    }

    private static Parsed<TlsProtocol> ParseProtocol(string key, string raw) => Token.Check(raw, 16) is { } rule
        ? Parsed<TlsProtocol>.Fail(key, $"must be {TlsProtocolNames.Choices} ({rule})")
        : TlsProtocolNames.Parse(raw) is { } protocol
            ? Parsed<TlsProtocol>.Success(protocol)
            : raw is "TLSv1" or "TLSv1.1" or "SSLv2" or "SSLv3"
                ? Parsed<TlsProtocol>.Fail(key, $"{raw} is broken and not offered; use TLSv1.2 and/or TLSv1.3")
                : Parsed<TlsProtocol>.Fail(key, $"must be {TlsProtocolNames.Choices} (got '{InputText.Shorten(raw)}')");

    private static IReadOnlyList<Endpoint> BindServers(FlatConfig config, ConfigKey key)
    {
        var servers = config.GetList(key, Endpoint.Parse);
        foreach (var twice in servers.GroupBy(s => s).Where(g => g.Count() > 1))
            config.Errors.Add(key.FullName, $"'{twice.Key}' is listed twice");
        if (servers.Count > 256) config.Errors.Add(key.FullName, "must list at most 256 servers");
        return servers.Distinct().ToArray();
    }

    private static Duration Timeout(FlatConfig config, ConfigKey key) =>
        config.Get(key, (k, r) => Duration.Parse(k, r, TimeSpan.FromSeconds(1)));

    // nginx refuses a shared zone smaller than a few pages; 0 turns the cache off.
    private static Parsed<ByteSize> ParseSessionCache(string key, string raw)
    {
        var size = ByteSize.Parse(key, raw, 0, 1024L * 1024 * 1024);
        return size.Ok && size.Value!.Bytes is > 0 and < 64 * 1024
            ? Parsed<ByteSize>.Fail(key, $"must be 0 (no cache) or at least 64k (got '{raw}')")
            : size;
    }

    private static Parsed<Stickiness> ParseStickiness(string key, string raw) => raw switch
    {
        "clientIp" => Parsed<Stickiness>.Success(Stickiness.ClientIp),
        "cookie" => Parsed<Stickiness>.Success(Stickiness.Cookie),
        "none" => Parsed<Stickiness>.Success(Stickiness.None),
        _ => Parsed<Stickiness>.Fail(key, $"must be clientIp, cookie or none (got '{InputText.Shorten(raw)}')"),
    };

    private static Parsed<int?> ParseWorkers(string key, string raw)
    {
        if (raw == "auto") return Parsed<int?>.Success(null);
        var count = FlatConfig.ParseInt(key, raw, 1, 256);
        return count.Error is null ? Parsed<int?>.Success(count.Value) : Parsed<int?>.Fail(key, "must be auto or a whole number 1-256");
    }

    // nginx reads a server's fail_timeout in whole seconds only: "1500ms" would fail nginx -t.
    private static Parsed<Duration> ParseFailTimeout(string key, string raw)
    {
        var parsed = Duration.Parse(key, raw, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        return parsed.Ok && parsed.Value!.Value.Ticks % TimeSpan.TicksPerSecond != 0
            ? Parsed<Duration>.Fail(key, $"must be whole seconds, like 10s (nginx's fail_timeout has no milliseconds; got '{raw}')")
            : parsed;
    }
}
