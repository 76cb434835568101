using RealtimeStack.Edge.Model;
using RealtimeStack.Edge.Nginx;
using L = RealtimeStack.Edge.Nginx.StreamingEdgeLint;

namespace RealtimeStack.Edge.Tests.Nginx;

/// <summary>
/// Each mistake of the source article is a lint rule. Every rule must fire on the article's own text (so the test
/// would fail on it) and stay silent on what the renderer produces.
/// </summary>
public sealed class ArticleMistakeTests
{
    private static readonly NginxVersion Debian = new(1, 22, 1);
    private static readonly NginxVersion Current = new(1, 28, 0);

    private static string ArticleText => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "article.conf"));

    private static NginxConf Article => NginxConfParser.Parse(ArticleText);

    private static IReadOnlyList<LintFinding> LintRendered(params (string, string)[] changes)
    {
        var spec = Stacks.Spec(changes);
        // Judge the text, not the tree: parse what the writer wrote.
        var text = NginxConfRenderer.Render(spec, NginxLayout.Container);
        return L.Check(NginxConfParser.Parse(text), spec.NginxVersion, spec.Capacity.MaxStreams);
    }

    [Theory]
    [InlineData(L.ForwardedHeaders, "location ^~ /ws/")]
    [InlineData(L.AccelBufferingNoop, "location ^~ /sse/")]
    [InlineData(L.EventsCapacity, "events")]
    [InlineData(L.ApiKeepalive, "location /api/")]
    [InlineData(L.StreamTimeout, "location ^~ /ws/")]
    public void The_article_fails_the_rule(string rule, string where)
    {
        var findings = L.Check(Article, Current, 10_000);
        Assert.Contains(findings, f => f.Rule == rule && f.Where == where);
    }

    [Fact]
    public void The_article_uses_listen_http2_which_is_deprecated_for_current_nginx()
    {
        Assert.Contains(L.Check(Article, Current, 10_000), f => f.Rule == L.Http2Syntax);
        Assert.DoesNotContain(L.Check(Article, Debian, 10_000), f => f.Rule == L.Http2Syntax);
    }

    [Fact]
    public void Without_proxy_buffering_off_the_article_X_Accel_Buffering_alone_leaves_SSE_buffered()
    {
        var relying = NginxConfParser.Parse(ArticleText.Replace("proxy_buffering off;", "", StringComparison.Ordinal));
        var finding = Assert.Single(L.Check(relying, Current, 10_000), f => f.Rule == L.SseBuffering);
        Assert.Contains("X-Accel-Buffering", finding.Problem);
    }

    [Fact]
    public void The_upgrade_map_with_empty_to_close_defeats_api_keepalive()
    {
        // The article's map, applied at http level with a keepalive api upstream: plain requests get Connection: close.
        var text = ArticleText
            .Replace("upstream app_api { server 127.0.0.1:9000; server 127.0.0.1:9001; }", "upstream app_api { server 127.0.0.1:9000; server 127.0.0.1:9001; keepalive 32; }", StringComparison.Ordinal)
            .Replace("proxy_http_version 1.1;", "proxy_http_version 1.1;\nproxy_set_header Connection $connection_upgrade;", StringComparison.Ordinal);
        var finding = Assert.Single(L.Check(NginxConfParser.Parse(text), Current, 10_000), f => f.Rule == L.ApiKeepalive);
        Assert.Contains("close", finding.Problem);
    }

    [Fact]
    public void The_rendered_configuration_passes_every_rule()
    {
        Assert.Empty(LintRendered());
        Assert.Empty(LintRendered(("nginxVersion", "1.22.1")));
        Assert.Empty(LintRendered(("hstsMaxAge", "365d"), ("redirectHttp", "false")));
        Assert.Empty(LintRendered(("maxStreams", "50000"), ("workerProcesses", "4")));
    }

    [Fact]
    public void Rendered_http2_follows_the_target_version()
    {
        var old = NginxConfRenderer.Build(Stacks.Spec(("nginxVersion", "1.25.0")), NginxLayout.Container);
        Assert.Contains("http2", old.TlsServer.Children("listen").Single().Args);
        Assert.Empty(old.TlsServer.Children("http2"));
        var current = NginxConfRenderer.Build(Stacks.Spec(("nginxVersion", "1.25.1")), NginxLayout.Container);
        Assert.DoesNotContain("http2", current.TlsServer.Children("listen").Single().Args);
        Assert.Equal(["on"], current.TlsServer.Children("http2").Single().Args);
        var off = NginxConfRenderer.Build(Stacks.Spec(("http2", "false")), NginxLayout.Container);
        Assert.Empty(off.TlsServer.Children("http2"));
    }

    [Fact]
    public void Rendered_sse_location_unbuffers_with_proxy_buffering_and_never_with_add_header()
    {
        var sse = NginxConfRenderer.Build(Stacks.Spec(), NginxLayout.Container).Location("/sse/");
        Assert.Equal(["off"], sse.Children("proxy_buffering").Single().Args);
        Assert.Equal(["off"], sse.Children("gzip").Single().Args);
        Assert.DoesNotContain(sse.Children("add_header"), h => h.Args[0] == "X-Accel-Buffering");
    }

    [Fact]
    public void Hsts_is_repeated_in_the_location_that_has_its_own_add_header()
    {
        var conf = NginxConfRenderer.Build(Stacks.Spec(("hstsMaxAge", "1d")), NginxLayout.Container);
        Assert.Contains(conf.TlsServer.Children("add_header"), h => h.Args[0] == "Strict-Transport-Security");
        Assert.Contains(conf.Location("/sse/").Children("add_header"), h => h.Args[0] == "Strict-Transport-Security" && h.Args[1] == "max-age=86400");
    }
}
