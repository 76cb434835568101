using System.Text.Json;
using RealtimeStack.Edge.Model;
using RealtimeStack.Edge.Nginx;

namespace RealtimeStack.Edge.Tests.Nginx;

/// <summary>The status listener, the JSON access log and the quoted text the log format needs.</summary>
public sealed class ObservabilityRenderingTests
{
    private static Directive StatusServerOf(NginxConf conf) =>
        conf.Servers.Single(s => s.Children("location").Any(l => l.Args.SequenceEqual(["=", MetricsSpec.StatusPath])));

    [Fact]
    public void The_status_server_listens_on_loopback_and_the_shared_socket_and_answers_only_the_status_to_them()
    {
        var conf = NginxConfRenderer.Build(Stacks.Spec(("statusPort", "9145")), NginxLayout.Container);
        var server = StatusServerOf(conf);
        // Loopback and the socket in the volume the exporter mounts: no network reaches it, in a container either.
        Assert.Equal(["127.0.0.1:9145", "unix:/run/nginx-status/status.sock"], server.Children("listen").Select(l => l.Args.Single()));
        var status = server.Children("location").First();
        Assert.Equal(["stub_status", "access_log", "allow", "allow", "deny"], status.Block!.Select(d => d.Name));
        Assert.Equal(["127.0.0.1", "unix:"], status.Children("allow").Select(a => a.Args.Single()));
        Assert.Equal(["all"], status.Children("deny").Single().Args);
        Assert.Equal(["off"], status.Children("access_log").Single().Args);
        Assert.Equal(["/"], server.Children("location").Last().Args);
        Assert.Equal(["404"], server.Children("location").Last().Children("return").Single().Args);
        // Nowhere else: not on the public servers.
        Assert.Single(conf.All, d => d.Name == "stub_status");

        // A local edge runs the same listeners, its socket inside its own directory.
        var local = NginxConfRenderer.Build(Stacks.Spec(("statusPort", "9145")), NginxLayout.Local("/tmp/edge"));
        Assert.Equal(["127.0.0.1:9145", "unix:/tmp/edge/run/status.sock"], StatusServerOf(local).Children("listen").Select(l => l.Args.Single()));
        // Without a socket, loopback alone.
        var bare = NginxConfRenderer.Build(Stacks.Spec(("statusPort", "9145")), NginxLayout.Local("/tmp/edge") with { StatusSocket = null });
        Assert.Equal(["127.0.0.1"], StatusServerOf(bare).Children("location").First().Children("allow").Select(a => a.Args.Single()));
    }

    [Fact]
    public void Metrics_off_renders_no_status_server()
    {
        var conf = NginxConfRenderer.Build(Stacks.Spec(("metrics", "false")), NginxLayout.Container);
        Assert.DoesNotContain(conf.All, d => d.Name == "stub_status");
        Assert.Equal(4, conf.Servers.Count());
    }

    [Fact]
    public void The_status_url_is_the_rendered_loopback_listener_and_path()
    {
        var spec = Stacks.Spec(("statusPort", "9145"));
        Assert.Equal("http://127.0.0.1:9145/stub_status", StatusServer.Url(spec.Metrics).ToString());
        var server = StatusServerOf(NginxConfRenderer.Build(spec, NginxLayout.Container));
        Assert.Equal($"{StatusServer.Url(spec.Metrics).Host}:{StatusServer.Url(spec.Metrics).Port}", server.Children("listen").First().Args.Single());
    }

    [Fact]
    public void The_access_log_is_json_and_every_route_names_itself()
    {
        var conf = NginxConfRenderer.Build(Stacks.Spec(), NginxLayout.Local("/tmp/edge"));
        Assert.Equal(["/tmp/edge/logs/access.log", AccessLogFormat.Name], conf.Http.Children("access_log").Single().Args);
        Assert.Equal(["/dev/stdout", AccessLogFormat.Name], NginxConfRenderer.Build(Stacks.Spec(), NginxLayout.Container).Http.Children("access_log").Single().Args);
        Assert.Equal(["set", AccessLogFormat.RouteVariable, "api"], conf.Location("/api/").Block![0] is var a ? [a.Name, .. a.Args] : null);
        Assert.Equal(["sse"], conf.Location("/sse/").Children("set").Single().Args.Skip(1));
        Assert.Equal(["ws"], conf.Location("/ws/").Children("set").Single().Args.Skip(1));
        // The default for every other request, so the log never reads an unset variable.
        Assert.Contains(conf.Http.Children("map"), m => m.Args[^1] == AccessLogFormat.RouteVariable && m.Children("default").Single().Args.Single() == "-");

        // The template, with sample values in place of the variables, is one JSON object with every field.
        var format = conf.Http.Children("log_format").Single();
        Assert.Equal([AccessLogFormat.Name, "escape=json"], format.Args.Take(2));
        var template = string.Concat(format.Args.Skip(2));
        foreach (var (_, variable, number) in AccessLogFormat.Fields.OrderByDescending(f => f.Variable.Length)) template = template.Replace(variable, number ? "1" : "x", StringComparison.Ordinal);
        using var json = JsonDocument.Parse(template);
        Assert.Equal(AccessLogFormat.Fields.Select(f => f.Field), json.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void The_log_format_is_written_single_quoted_and_reads_back()
    {
        var text = NginxConfRenderer.Render(Stacks.Spec(), NginxLayout.Container);
        var line = text.Split('\n').Single(l => l.TrimStart().StartsWith("log_format", StringComparison.Ordinal));
        Assert.StartsWith("    log_format realtime_json escape=json '{\"time\":\"$time_iso8601\"' ',\"remote_addr\":", line);
        var reparsed = NginxConfParser.Parse(text).Http.Children("log_format").Single();
        Assert.Equal(NginxConfRenderer.Build(Stacks.Spec(), NginxLayout.Container).Http.Children("log_format").Single().Args, reparsed.Args);
    }

    [Theory]
    [InlineData("it's")]
    [InlineData("a\\' ; evil")]
    [InlineData("line\nbreak")]
    [InlineData("tab\there")]
    [InlineData("caf\u00e9")]
    public void Quoted_text_refuses_what_could_end_or_bend_the_quoting(string text)
    {
        Assert.Throws<ArgumentException>(() => new QuotedText(text));
        // And the writer refuses it too when a directive is built around QuotedText.
        var direct = new Directive("log_format", ["x", text]) { QuotedArgs = new HashSet<int> { 1 } };
        var e = Assert.Throws<InvalidOperationException>(() => NginxConfWriter.Write(new NginxConf([direct])));
        Assert.Contains("refusing to write quoted argument", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Quoted_text_keeps_braces_double_quotes_and_spaces_inside_one_argument()
    {
        var directive = Directive.WithQuoted("log_format", ["x"], [new QuotedText("{\"a\": \"$b; c # d\"}")]);
        Assert.Equal("log_format x '{\"a\": \"$b; c # d\"}';\n", NginxConfWriter.Write(new NginxConf([directive])).Split('\n', 2)[1]);
        // The same text as a plain argument is still refused.
        Assert.Throws<InvalidOperationException>(() => NginxConfWriter.Write(new NginxConf([Directive.Simple("log_format", "x", "{\"a\"}")])));
    }
}
