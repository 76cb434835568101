namespace RealtimeStack.Cli.Doctor;

/// <summary>
/// Every check <c>edge doctor</c> runs, in report order: the article's troubleshooting list (section 5) made
/// measurable, plus what the design rests on (HTTP/2 for SSE, forwarded headers, stream timeouts).
/// </summary>
public static class DoctorChecks
{
    private const string SseLocation = "location ^~ /sse/";
    private const string WsLocation = "location ^~ /ws/";

    public static readonly CheckDefinition TlsProtocol = new(
        "tls-protocol", "TLS protocol",
        "The TLS handshake succeeds and negotiates TLS 1.2 or 1.3.",
        new("listen 443 ssl; with ssl_certificate and ssl_certificate_key, and ssl_protocols TLSv1.2 TLSv1.3; in the TLS server (realtime:tlsProtocols)",
            "controller ConfigMap ssl-protocols: \"TLSv1.2 TLSv1.3\" (controller-wide; there is no per-Ingress annotation)",
            "ClientTrafficPolicy (targetRefs the Gateway) spec.tls.minVersion: \"1.2\" (TLS 1.2 is the default when unset), on a Gateway listener with protocol: HTTPS, tls.mode: Terminate and tls.certificateRefs naming the TLS Secret"));

    public static readonly CheckDefinition TlsTrust = new(
        "tls-trust", "certificate trusted",
        "The certificate chain verifies against the system's CAs (or --ca). Browsers refuse wss:// and EventSource on an untrusted certificate.",
        new("ssl_certificate with the full chain (leaf first, then intermediates) from a CA clients trust (realtime:tlsCert / realtime:tlsKey)",
            "Ingress spec.tls[].secretName naming a Secret with the full chain, e.g. issued by cert-manager (annotation cert-manager.io/cluster-issuer: NAME)",
            "Gateway spec.listeners[].tls.certificateRefs naming a kubernetes.io/tls Secret with the full chain (leaf first, then intermediates), e.g. issued by cert-manager (Gateway annotation cert-manager.io/cluster-issuer: NAME, with its Gateway API support on)"));

    public static readonly CheckDefinition TlsName = new(
        "tls-name", "certificate names the host",
        "The certificate's subjectAltName covers the host in the URL.",
        new("ssl_certificate for a certificate whose subjectAltName lists the host, in the server whose server_name matches it (realtime:domain, realtime:aliases)",
            "list the host in Ingress spec.tls[].hosts and in the certificate of its Secret",
            "Gateway spec.listeners[].hostname covering the host, with a certificate in that listener's tls.certificateRefs whose subjectAltName lists it"));

    public static readonly CheckDefinition TlsExpiry = new(
        "tls-expiry", "certificate expiry",
        $"The certificate is valid now and for at least {TlsJudge.MinimumDaysLeft} more days.",
        new("renew the certificate, replace the ssl_certificate / ssl_certificate_key files and reload (nginx -s reload)",
            "let cert-manager renew it (annotation cert-manager.io/cluster-issuer: NAME) or replace the TLS Secret",
            "let cert-manager renew the Secret named in Gateway spec.listeners[].tls.certificateRefs, or replace that Secret (Envoy Gateway watches it and updates Envoy)"));

    public static readonly CheckDefinition Http2 = new(
        "http2", "HTTP/2 (ALPN h2)",
        "The TLS listener offers HTTP/2. Browsers open at most 6 HTTP/1.1 connections per host, and every open EventSource holds one.",
        new("listen 443 ssl http2; before nginx 1.25.1, or listen 443 ssl; + http2 on; from 1.25.1 (realtime:http2)",
            "controller ConfigMap use-http2: \"true\" (the default)",
            "ClientTrafficPolicy (targetRefs the Gateway) spec.tls.alpnProtocols: [h2, http/1.1] (the default when unset; an empty list turns ALPN off)"));

    public static readonly CheckDefinition HttpRedirect = new(
        "http-redirect", "HTTP to HTTPS redirect",
        "Plain HTTP answers a redirect to the same path and query on the HTTPS URL.",
        new("server { listen 80; return 301 https://$host$request_uri; } (with :PORT after $host when HTTPS is not on 443; realtime:redirectHttp)",
            "nginx.ingress.kubernetes.io/ssl-redirect: \"true\" (the default once the Ingress has TLS) or nginx.ingress.kubernetes.io/force-ssl-redirect: \"true\"",
            "an HTTPRoute attached only to the HTTP listener (spec.parentRefs[].sectionName) whose rule has spec.rules[].filters[] type: RequestRedirect with requestRedirect.scheme: https and requestRedirect.statusCode: 301 (the default is 302; requestRedirect.port when HTTPS is not on 443)"));

    public static readonly CheckDefinition SseContentType = new(
        "sse-content-type", "SSE content type",
        "The SSE route answers 200 with Content-Type: text/event-stream (it reaches the SSE backend, not an error page).",
        new($"{SseLocation} {{ proxy_pass http://SSE_UPSTREAM; }}, with a backend that sends Content-Type: text/event-stream",
            "an Ingress path /sse/ to the SSE Service",
            "an HTTPRoute rule matching path PathPrefix /sse/ with backendRefs to the SSE Service, attached to the HTTPS listener (its status.parents[].conditions Accepted and ResolvedRefs: True)"));

    public static readonly CheckDefinition SseCacheControl = new(
        "sse-cache-control", "SSE not cacheable",
        "The stream carries Cache-Control no-cache or no-store, so no cache or CDN holds or replays it.",
        new($"proxy_hide_header Cache-Control; add_header Cache-Control no-store always; in {SseLocation} (or the backend sends Cache-Control: no-cache); no proxy_cache there, and bypass any CDN for /sse/",
            "the backend sends Cache-Control: no-cache (ingress-nginx passes it; header snippets stay disabled)",
            "the backend sends Cache-Control: no-cache, or on the /sse/ HTTPRoute rule a filter type: ResponseHeaderModifier with responseHeaderModifier.set: [{name: Cache-Control, value: no-store}]; bypass any CDN for /sse/"));

    public static readonly CheckDefinition SseGzip = new(
        "sse-gzip", "SSE not compressed",
        "The stream is not gzip-compressed even when the client accepts gzip: compression holds events back and breaks some clients.",
        new($"gzip off; in {SseLocation}, and text/event-stream out of gzip_types",
            "keep text/event-stream out of the controller ConfigMap gzip-types (or use-gzip: \"false\")",
            "BackendTrafficPolicy spec.compressor (e.g. [{type: Gzip}]) only in the policy whose targetRefs is the API HTTPRoute: never in one targeting the /sse/ HTTPRoute or the whole Gateway"));

    public static readonly CheckDefinition SseFirstEvent = new(
        "sse-first-event", "SSE time to first event",
        "The first event arrives within a second of when the backend writes it.",
        new($"proxy_buffering off; in {SseLocation}, and a backend that flushes each event as it writes it",
            "nginx.ingress.kubernetes.io/proxy-buffering: \"off\"",
            "nothing to set: Envoy forwards each chunk as it comes (Envoy Gateway adds no buffer filter; BackendTrafficPolicy spec.requestBuffer buffers requests only). Make the backend flush each event, and check a proxy or CDN in front of the Gateway"));

    public static readonly CheckDefinition SseBuffering = new(
        "sse-buffering", "SSE not buffered",
        "Events arrive one by one at the pace the backend writes them (ids and timestamps), not in bursts after a silence.",
        new($"proxy_buffering off; in {SseLocation} (or the backend sends X-Accel-Buffering: no; add_header X-Accel-Buffering on nginx's own response does nothing)",
            "nginx.ingress.kubernetes.io/proxy-buffering: \"off\"",
            "nothing to set: Envoy does not buffer responses by default (Envoy Gateway adds no buffer filter; BackendTrafficPolicy spec.requestBuffer buffers requests only). What buffers is a proxy or CDN in front of the Gateway, an EnvoyExtensionPolicy reading the response body (spec.extProc[].processingMode.response.body: Buffered), or a backend that does not flush"));

    public static readonly CheckDefinition WsUpgrade = new(
        "ws-upgrade", "WebSocket upgrade (wss)",
        "A WebSocket handshake over wss:// answers 101 Switching Protocols with a valid Sec-WebSocket-Accept.",
        new($"proxy_http_version 1.1; proxy_set_header Upgrade $http_upgrade; proxy_set_header Connection $connection_upgrade; in {WsLocation}, with map $http_upgrade $connection_upgrade {{ default upgrade; '' ''; }} in http",
            "none needed: ingress-nginx forwards the upgrade by itself (there is no enable-websocket annotation); check proxies or CDNs in front",
            "none needed: Envoy Gateway allows the websocket upgrade by default; BackendTrafficPolicy spec.httpUpgrade only restricts it (when set, list {type: websocket}) and spec.requestBuffer on the /ws/ route turns the default upgrade off; check proxies or CDNs in front"));

    public static readonly CheckDefinition WsEcho = new(
        "ws-echo", "WebSocket message round trip",
        "A text message sent on the socket comes back (the sample backends echo it).",
        new($"{WsLocation} {{ proxy_pass http://WS_UPSTREAM; }} reaching the WebSocket backend",
            "an Ingress path /ws/ to the WebSocket Service",
            "an HTTPRoute rule matching path PathPrefix /ws/ with backendRefs to the WebSocket Service, attached to the HTTPS listener"));

    public static readonly CheckDefinition WsPing = new(
        "ws-ping", "WebSocket ping/pong",
        "A protocol ping frame is answered by a pong with the same payload: heartbeats pass through the edge.",
        new("nothing in nginx drops control frames: make the backend answer pings (RFC 6455 5.5.2) and check any proxy in front of nginx",
            null,
            "nothing in Envoy drops control frames (it relays the upgraded connection as bytes): make the backend answer pings (RFC 6455 5.5.2) and check any proxy in front of the Gateway"));

    public static readonly CheckDefinition WsIdle = new(
        "ws-idle", "WebSocket survives idle",
        "A WebSocket stays open through --duration seconds without traffic and still answers a ping afterwards.",
        new($"proxy_read_timeout 1h; proxy_send_timeout 1h; in {WsLocation} (realtime:wsReadTimeout), with pings well inside it",
            "nginx.ingress.kubernetes.io/proxy-read-timeout: \"3600\" and nginx.ingress.kubernetes.io/proxy-send-timeout: \"3600\"",
            "BackendTrafficPolicy (targetRefs the /ws/ HTTPRoute) spec.timeout.http.streamIdleTimeout: 1h, and spec.rules[].timeouts.request: 0s on that HTTPRoute rule (Envoy's route default is 15 s); else ClientTrafficPolicy spec.timeout.http.streamIdleTimeout applies, 5 minutes by default: an idle SSE or WebSocket stream dies at 5 min"));

    public static readonly CheckDefinition SseSticky = new(
        "sse-sticky", "SSE reconnects stay on one backend",
        "New SSE connections from this client reach the same backend instance (X-Backend-Instance).",
        new("hash $remote_addr consistent; in the SSE upstream (realtime:stickiness clientIp)",
            "nginx.ingress.kubernetes.io/upstream-hash-by: \"$remote_addr\" or nginx.ingress.kubernetes.io/affinity: \"cookie\" (a Service's sessionAffinity is bypassed by ingress-nginx)",
            "BackendTrafficPolicy (targetRefs the /sse/ HTTPRoute) spec.loadBalancer.type: ConsistentHash with consistentHash.type: SourceIP (or Cookie with consistentHash.cookie.name and cookie.ttl, so Envoy sets the cookie) (realtime:stickiness)"));

    public static readonly CheckDefinition WsSticky = new(
        "ws-sticky", "WebSocket reconnects stay on one backend",
        "New WebSocket connections from this client reach the same backend instance (X-Backend-Instance on the 101).",
        new("hash $remote_addr consistent; in the WebSocket upstream (realtime:stickiness clientIp)",
            "nginx.ingress.kubernetes.io/upstream-hash-by: \"$remote_addr\" or nginx.ingress.kubernetes.io/affinity: \"cookie\" (a Service's sessionAffinity is bypassed by ingress-nginx)",
            "BackendTrafficPolicy (targetRefs the /ws/ HTTPRoute) spec.loadBalancer.type: ConsistentHash with consistentHash.type: SourceIP (or Cookie with consistentHash.cookie.name and cookie.ttl, so Envoy sets the cookie) (realtime:stickiness)"));

    public static readonly CheckDefinition ForwardedHeaders = new(
        "forwarded-headers", "what the backends are told",
        "Each route's backend receives the client's Host, X-Real-IP and X-Forwarded-For (read from the X-Seen-* headers the sample backends echo).",
        new("proxy_set_header Host $host; proxy_set_header X-Real-IP $remote_addr; proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for; repeated in every location that sets any proxy_set_header of its own (they are inherited only by levels that set none)",
            "set by the controller; behind a load balancer, controller ConfigMap use-forwarded-headers: \"true\" or use-proxy-protocol: \"true\"",
            "Envoy keeps Host and appends the client to X-Forwarded-For itself; X-Real-IP needs a filter on every HTTPRoute rule: type: RequestHeaderModifier with requestHeaderModifier.set: [{name: X-Real-IP, value: \"%DOWNSTREAM_REMOTE_ADDRESS_WITHOUT_PORT%\"}]; behind a load balancer, ClientTrafficPolicy spec.clientIPDetection.xForwardedFor.trustedCIDRs (or spec.proxyProtocol)"));

    public static IReadOnlyList<CheckDefinition> All { get; } =
    [
        TlsProtocol, TlsTrust, TlsName, TlsExpiry, Http2, HttpRedirect,
        SseContentType, SseCacheControl, SseGzip, SseFirstEvent, SseBuffering,
        WsUpgrade, WsEcho, WsPing, WsIdle,
        SseSticky, WsSticky, ForwardedHeaders,
    ];
}
