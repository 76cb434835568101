namespace RealtimeStack.Edge.Configuration;

/// <summary>
/// Every <c>realtime:*</c> key the edge understands, with its default. The configuration reference (docs/configuration.md) is
/// this table; a key that is not here is rejected as unknown so that typos are caught.
/// </summary>
public static class EdgeConfigKeys
{
    public static readonly ConfigKey Domain = new("domain", "domain", ValueKind.Text, null, "Primary server name (RFC 1123; a leading *. wildcard is allowed). Required.");
    public static readonly ConfigKey Aliases = new("aliases", "aliases", ValueKind.List, "", "More server names.");
    public static readonly ConfigKey HttpPort = new("httpPort", "listen.httpPort", ValueKind.Integer, "80", "Plain HTTP listener port.") { Modes = StackModes.OwnPorts };
    public static readonly ConfigKey HttpsPort = new("httpsPort", "listen.httpsPort", ValueKind.Integer, "443", "TLS listener port.") { Modes = StackModes.OwnPorts };
    public static readonly ConfigKey RedirectHttp = new("redirectHttp", "listen.redirectHttp", ValueKind.Boolean, "true", "Plain HTTP answers 301 to the HTTPS URL, path and query kept.");
    public static readonly ConfigKey KeepaliveTimeout = new("keepaliveTimeout", "listen.keepaliveTimeout", ValueKind.Text, "75s", "Idle client keepalive between requests.");
    public static readonly ConfigKey RejectUnknownHosts = new("rejectUnknownHosts", "listen.rejectUnknownHosts", ValueKind.Boolean, "true", "Requests for a name that is not domain or an alias are refused: plain HTTP closed without an answer, TLS handshakes rejected (ssl_reject_handshake). Off, the edge serves any Host.");
    public static readonly ConfigKey TrustedProxies = new("trustedProxies", "clients.trustedProxies", ValueKind.List, "", "Load balancers in front of the edge, as addresses or CIDR ranges: their X-Forwarded-For (or PROXY protocol) header names the client, for stickiness, limits and the headers sent to backends. Empty: the connection's peer is the client.");
    public static readonly ConfigKey ProxyProtocol = new("proxyProtocol", "clients.proxyProtocol", ValueKind.Boolean, "false", "The listeners expect the PROXY protocol (the load balancer must send it on every connection); the client address is taken from it when the sender is a trusted proxy.");
    public static readonly ConfigKey TlsCert = new("tlsCert", "tls.certificatePem", ValueKind.Text, null, "Certificate chain, PEM (leaf first). Set with `pulumi config set --secret`. Without it a self-signed certificate is generated.", Secret: true);
    public static readonly ConfigKey TlsKey = new("tlsKey", "tls.privateKeyPem", ValueKind.Text, null, "Private key of tlsCert, PEM, unencrypted. Secret.", Secret: true);
    public static readonly ConfigKey TlsProtocols = new("tlsProtocols", "tls.protocols", ValueKind.List, "TLSv1.2,TLSv1.3", "Offered TLS versions: TLSv1.2 and/or TLSv1.3.");
    public static readonly ConfigKey Http2 = new("http2", "tls.http2", ValueKind.Boolean, "true", "HTTP/2 on the TLS listener (helps SSE: no 6-connection browser limit). WebSocket stays on HTTP/1.1.");
    public static readonly ConfigKey TlsBufferSize = new("tlsBufferSize", "tls.bufferSize", ValueKind.Text, "4k", "ssl_buffer_size: smaller sends each event sooner and costs less memory per stream.") { Modes = StackModes.Nginx };
    public static readonly ConfigKey TlsSessionCache = new("tlsSessionCache", "tls.sessionCache", ValueKind.Text, "10m", "Shared TLS session cache size (about 4000 sessions per megabyte).") { Modes = StackModes.Nginx };
    public static readonly ConfigKey HstsMaxAge = new("hstsMaxAge", "tls.hstsMaxAge", ValueKind.Text, "0s", "Strict-Transport-Security max-age; 0s sends no HSTS header.");
    public static readonly ConfigKey ApiServers = new("apiServers", "upstreams.api.servers", ValueKind.List, "127.0.0.1:9000,127.0.0.1:9001", "API backends, host:port. Round-robin.") { Modes = StackModes.DockerOnly };
    public static readonly ConfigKey SseServers = new("sseServers", "upstreams.sse.servers", ValueKind.List, "127.0.0.1:9100", "SSE backends, host:port.") { Modes = StackModes.DockerOnly };
    public static readonly ConfigKey WsServers = new("wsServers", "upstreams.ws.servers", ValueKind.List, "127.0.0.1:9200", "WebSocket backends, host:port.") { Modes = StackModes.DockerOnly };
    public static readonly ConfigKey ApiKeepalive = new("apiKeepalive", "upstreams.api.keepalive", ValueKind.Integer, "32", "Idle upstream connections each worker keeps to the API pool (0 = none).") { Modes = StackModes.Nginx };
    public static readonly ConfigKey Stickiness = new("stickiness", "upstreams.stickiness", ValueKind.Text, "clientIp", "SSE/WS pinning: clientIp (hash of the client address), cookie (an affinity cookie: ingress-nginx's in kubernetes mode, Envoy's cookie hash in gateway mode) or none. Services keep sessionAffinity ClientIP either way.");
    public static readonly ConfigKey FailTimeout = new("failTimeout", "upstreams.failTimeout", ValueKind.Text, "10s", "A backend that refused or timed out a connection (or failed before answering) is left out this long (max_fails 1); its clients' next request or reconnect goes to another. Docker mode only: ingress-nginx follows readiness instead.") { Modes = StackModes.DockerOnly };
    public static readonly ConfigKey ConnectTimeout = new("connectTimeout", "routes.connectTimeout", ValueKind.Text, "5s", "proxy_connect_timeout for every route (nginx caps it at 75s). A backend host that vanished costs a request or reconnect this long before nginx tries another (within twice this), so keep it short: backends are on the edge's own network.");
    public static readonly ConfigKey StreamBufferSize = new("streamBufferSize", "routes.streamBufferSize", ValueKind.Text, "1k", "proxy_buffer_size of the /sse/ and /ws/ routes: holds a stream backend's response header and each piece of a stream on its way through (nginx's default is one 4k page). 1k saves 3–4 MiB per 1,000 idle streams; raise it (up to 8k) when a stream backend sends headers over 1k (large cookies): nginx logs \"upstream sent too big header\" and answers 502.") { Modes = StackModes.Nginx };
    public static readonly ConfigKey ApiReadTimeout = new("apiReadTimeout", "routes.api.readTimeout", ValueKind.Text, "60s", "Longest gap between two reads from an API backend.");
    public static readonly ConfigKey ApiSendTimeout = new("apiSendTimeout", "routes.api.sendTimeout", ValueKind.Text, "60s", "Longest gap between two writes to an API backend or its client.") { Modes = StackModes.Nginx };
    public static readonly ConfigKey SseReadTimeout = new("sseReadTimeout", "routes.sse.readTimeout", ValueKind.Text, "1h", "Longest silence from an SSE backend before nginx closes the stream. Send heartbeats well inside it.");
    public static readonly ConfigKey SseSendTimeout = new("sseSendTimeout", "routes.sse.sendTimeout", ValueKind.Text, "1h", "Longest gap between two writes on an SSE stream.") { Modes = StackModes.Nginx };
    public static readonly ConfigKey WsReadTimeout = new("wsReadTimeout", "routes.ws.readTimeout", ValueKind.Text, "1h", "Longest silence on a WebSocket before nginx closes it. Ping well inside it.");
    public static readonly ConfigKey WsSendTimeout = new("wsSendTimeout", "routes.ws.sendTimeout", ValueKind.Text, "1h", "Longest gap between two writes on a WebSocket.") { Modes = StackModes.Nginx };
    public static readonly ConfigKey ClientMaxBodySize = new("clientMaxBodySize", "body.maxSize", ValueKind.Text, "50m", "Largest request body; larger gets 413.") { Modes = StackModes.Nginx };
    public static readonly ConfigKey ClientBodyBufferSize = new("clientBodyBufferSize", "body.bufferSize", ValueKind.Text, "16k", "Request bodies up to this size stay in memory; a larger one goes to a temporary file, so slow uploads cannot fill the memory.") { Modes = StackModes.Nginx };
    public static readonly ConfigKey Gzip = new("gzip", "gzip.enabled", ValueKind.Boolean, "true", "Compress API responses.");
    public static readonly ConfigKey GzipTypes = new("gzipTypes", "gzip.types", ValueKind.List, "text/plain,text/css,application/json,application/javascript,application/xml", "Compressed media types (text/html is always included by nginx). text/event-stream is refused.") { Modes = StackModes.Nginx };
    public static readonly ConfigKey GzipMinLength = new("gzipMinLength", "gzip.minLength", ValueKind.Integer, "1024", "Smallest response compressed, in bytes.");
    public static readonly ConfigKey GzipLevel = new("gzipLevel", "gzip.level", ValueKind.Integer, "4", "Compression level 1-9.") { Modes = StackModes.Nginx };
    public static readonly ConfigKey StreamsPerClient = new("streamsPerClient", "limits.streamsPerClient", ValueKind.Integer, "200", "Concurrent SSE + WebSocket streams one client address may hold; more get 429. 0 = no limit. Size it above the tabs and devices one address (an office behind NAT) really opens.");
    public static readonly ConfigKey ApiRequestsPerClient = new("apiRequestsPerClient", "limits.apiRequestsPerClient", ValueKind.Integer, "200", "API requests one client address may have in progress at once (slow uploads included); more get 429. Bounds the connections and memory one address can hold on /api/, as streamsPerClient does on the stream routes. 0 = no limit.");
    public static readonly ConfigKey ApiRate = new("apiRate", "limits.apiRate", ValueKind.Text, "0", "API requests per client address, as 50r/s or 600r/m; over the rate plus apiBurst gets 429. 0 = no limit.");
    public static readonly ConfigKey ApiBurst = new("apiBurst", "limits.apiBurst", ValueKind.Integer, "100", "API requests one client may send above apiRate at once before it gets 429.");
    public static readonly ConfigKey ClientHeaderTimeout = new("clientHeaderTimeout", "limits.headerTimeout", ValueKind.Text, "10s", "Longest time a client may take to send its request header; a slower one is closed without an answer (logged as 408).");
    public static readonly ConfigKey ClientBodyTimeout = new("clientBodyTimeout", "limits.bodyTimeout", ValueKind.Text, "30s", "Longest gap between two reads of a request body; a slower client gets 408.") { Modes = StackModes.Nginx };
    public static readonly ConfigKey LargeHeaderBufferSize = new("largeHeaderBufferSize", "limits.largeHeaderBufferSize", ValueKind.Text, "8k", "Largest request line or single header (4 buffers of this size per request at most); larger gets 414 or 400.") { Modes = StackModes.Nginx };
    public static readonly ConfigKey MaxStreams = new("maxStreams", "capacity.maxStreams", ValueKind.Integer, "10000", "Concurrent SSE + WebSocket streams to hold. Sizes worker_connections (2 per stream, per worker: all of them with workerProcesses auto, a 1.25x share with a number), worker_rlimit_nofile and the listen backlog (maxStreams within 511-65535, so every stream can reconnect at once; in docker mode the nginx container's net.core.somaxconn too); in gateway mode the circuit breakers and connection limit (maxStreams + 1024).");
    public static readonly ConfigKey WorkerProcesses = new("workerProcesses", "capacity.workerProcesses", ValueKind.Text, "auto", "nginx worker processes: auto (one per core) or a number. With auto each worker is sized for all of maxStreams (2 connections and 2 open files per stream); a number sizes each for its share (1.25x; the listeners use reuseport). Set the host's core count when it is known, and a number whenever 2 x maxStreams + 2048 is above the per-process open-files limit: docs/benchmark.md, Workers sized for their share.") { Modes = StackModes.Nginx };
    public static readonly ConfigKey WorkerShutdownTimeout = new("workerShutdownTimeout", "capacity.workerShutdownTimeout", ValueKind.Text, "10m", "How long old workers keep streams after a reload before cutting them; in gateway mode how long a stopping or reconfigured Envoy listener drains them (EnvoyProxy shutdown.drainTimeout).");
    public static readonly ConfigKey Metrics = new("metrics", "metrics.enabled", ValueKind.Boolean, "true", "nginx's connection counters (stub_status) on a listener of their own (loopback and a unix socket), for the metrics exporter (docker) and edge status; never on the public listeners.");
    public static readonly ConfigKey StatusPort = new("statusPort", "metrics.statusPort", ValueKind.Integer, "8089", "Port of the status listener, on 127.0.0.1 only (in docker mode inside the nginx container; the exporter reads the status through a unix socket in a volume it shares with nginx, so no network reaches it).") { Modes = StackModes.DockerOnly };
    public static readonly ConfigKey NginxVersion = new("nginxVersion", "nginxVersion", ValueKind.Text, "1.28.0", "nginx version to render for (http2 syntax changed in 1.25.1); also the container image tag.") { Modes = StackModes.DockerOnly };

    public static IReadOnlyList<ConfigKey> All { get; } =
    [
        Domain, Aliases, HttpPort, HttpsPort, RedirectHttp, KeepaliveTimeout, RejectUnknownHosts,
        TrustedProxies, ProxyProtocol,
        TlsCert, TlsKey, TlsProtocols, Http2, TlsBufferSize, TlsSessionCache, HstsMaxAge,
        ApiServers, SseServers, WsServers, ApiKeepalive, Stickiness, FailTimeout,
        ConnectTimeout, StreamBufferSize, ApiReadTimeout, ApiSendTimeout, SseReadTimeout, SseSendTimeout, WsReadTimeout, WsSendTimeout,
        ClientMaxBodySize, ClientBodyBufferSize,
        Gzip, GzipTypes, GzipMinLength, GzipLevel,
        StreamsPerClient, ApiRequestsPerClient, ApiRate, ApiBurst, ClientHeaderTimeout, ClientBodyTimeout, LargeHeaderBufferSize,
        MaxStreams, WorkerProcesses, WorkerShutdownTimeout,
        Metrics, StatusPort,
        NginxVersion,
    ];
}
