using RealtimeStack.Edge.Nginx;

namespace RealtimeStack.Edge.Tests.Configuration;

/// <summary>Values that would change nginx.conf's structure, or are simply absurd, are rejected by name, never escaped.</summary>
public sealed class HostileInputTests
{
    public static TheoryData<string, string, string> Hostile => new()
    {
        // key, value, a fragment of the rule the error must state
        { "domain", "example.com; include /etc/passwd", "';'" },
        { "domain", "example.com{", "'{'" },
        { "domain", "example.com}", "'}'" },
        { "domain", "\"example.com\"", "'\"'" },
        { "domain", "'example.com'", "'''" },
        { "domain", "$host", "'$'" },
        { "domain", "example .com", "whitespace" },
        { "domain", "example.com\nserver_name evil", "control" },
        { "domain", "example.com\r", "control" },
        { "domain", "example\u0000.com", "control" },
        { "domain", "exämple.com", "ASCII" },
        { "domain", "例え.jp", "ASCII" },
        { "domain", new string('a', 300) + ".com", "at most 253" },
        { "domain", new string('a', 64) + ".com", "longer than 63" },
        { "domain", "-bad.example.com", "RFC 1123" },
        { "domain", "bad..example.com", "empty label" },
        { "domain", "*.*.example.com", "wildcard" },
        { "domain", "~^(www)\\.example\\.com$", "'\\'" },
        { "domain", "", "empty" },
        { "domain", "exa#mple.com", "'#'" },
        { "aliases", "good.example.com,evil;.com", "';'" },
        { "aliases", "a.example.com,,b.example.com", "empty item" },
        { "httpPort", "80;", "port number" },
        { "httpPort", "0", "port number" },
        { "httpPort", "65536", "port number" },
        { "httpPort", "-1", "port number" },
        { "httpPort", "8O", "port number" },
        { "httpsPort", "99999999999999999999", "port number" },
        { "apiServers", "127.0.0.1:9000 backup", "whitespace" },
        { "apiServers", "127.0.0.1:9000;server evil:1", "';'" },
        { "apiServers", "unix:/tmp/sock", "port" },
        { "apiServers", "api", "host:port" },
        { "apiServers", "::1:9000", "brackets" },
        { "apiServers", "[zz::1]:9000", "IPv6" },
        { "sseServers", "sse:70000", "port number" },
        { "wsServers", "ws-1:9200}", "'}'" },
        { "sseReadTimeout", "1h;", "duration" },
        { "sseReadTimeout", "forever", "duration" },
        { "sseReadTimeout", "999999999999d", "at most" },
        { "sseReadTimeout", "8d", "at most 604800s" },
        { "sseReadTimeout", "0", "at least" },
        { "wsReadTimeout", "1.5h", "duration" },
        { "connectTimeout", "90s", "at most 75s" },
        { "clientMaxBodySize", "50M;", "size" },
        { "clientMaxBodySize", "1t", "size" },
        { "clientMaxBodySize", "999999999999g", "at most" },
        { "clientBodyBufferSize", "10", "at least 1k" },
        { "gzipTypes", "text/event-stream", "must not be compressed" },
        { "gzipTypes", "text/plain;q=1", "';'" },
        { "gzipTypes", "application", "media type" },
        { "gzipLevel", "10", "1-9" },
        { "gzipLevel", "0x4", "1-9" },
        { "gzipMinLength", "-5", "0-" },
        { "tlsProtocols", "TLSv1", "broken" },
        { "tlsProtocols", "SSLv3", "broken" },
        { "tlsProtocols", "TLSv1.2 TLSv1.3", "whitespace" },
        { "tlsBufferSize", "64k", "at most 16k" },
        { "streamBufferSize", "512", "at least 1k" },
        { "streamBufferSize", "16k", "at most 8k" },
        { "streamBufferSize", "4k;", "size" },
        { "tlsSessionCache", "8k", "at least 64k" },
        { "redirectHttp", "yes", "true or false" },
        { "stickiness", "cookie;", "clientIp, cookie or none" },
        { "stickiness", "cookie", "only available with realtime:mode kubernetes" },
        { "maxStreams", "0", "1-1000000" },
        { "maxStreams", "10000000", "1-1000000" },
        { "workerProcesses", "auto;", "auto or a whole number" },
        { "nginxVersion", "1.25", "version like" },
        { "nginxVersion", "1.0.0", "1.18.0 or newer" },
        { "nginxVersion", "latest", "version like" },
        { "workerShutdownTimeout", "1ms", "at least 1s" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Rejects_the_value_naming_key_and_rule(string key, string value, string ruleFragment)
    {
        var errors = Stacks.Errors((key, value));
        var error = Assert.Single(errors, e => e.Key == "realtime:" + key);
        Assert.Contains(ruleFragment, error.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void There_are_at_least_thirty_hostile_cases() => Assert.True(Hostile.Count >= 30);

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Error_messages_do_not_carry_control_characters(string key, string value, string ruleFragment)
    {
        _ = ruleFragment;
        var errors = Stacks.Errors((key, value));
        Assert.All(errors, e => Assert.DoesNotContain(e.ToString(), c => c is '\n' or '\r' or '\0'));
    }

    [Fact]
    public void The_writer_refuses_a_structural_character_even_if_validation_were_bypassed()
    {
        var conf = new NginxConf([Directive.Simple("server_name", "a;b")]);
        var e = Assert.Throws<InvalidOperationException>(() => NginxConfWriter.Write(conf));
        Assert.Contains("not a plain token", e.Message);
        Assert.Throws<InvalidOperationException>(() => NginxConfWriter.Write(new NginxConf([Directive.Simple("evil;name")])));
        Assert.Throws<InvalidOperationException>(() => NginxConfWriter.Write(new NginxConf([Directive.Simple("x", "a\nb")])));
    }
}
