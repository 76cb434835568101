using RealtimeStack.Edge.Nginx;

namespace RealtimeStack.Cli.Tests.Support;

/// <summary>Edits of a rendered configuration tree, each breaking one thing on purpose.</summary>
public static class Tamper
{
    /// <summary>Rewrites the body of the TLS server's location for <paramref name="path"/>.</summary>
    public static Func<NginxConf, NginxConf> Location(string path, Func<IReadOnlyList<Directive>, IEnumerable<Directive>> edit) =>
        conf => Rewrite(conf, d => d.Name == "location" && d.Args[^1] == path
            ? d with { Block = edit(d.Block ?? []).ToArray() }
            : d);

    /// <summary>Sets the arguments of <paramref name="name"/> inside a location (it must be there already).</summary>
    public static Func<NginxConf, NginxConf> Set(string path, string name, params string[] args) =>
        Location(path, body =>
        {
            Assert.Contains(body, d => d.Name == name);
            return body.Select(d => d.Name == name ? d with { Args = args } : d);
        });

    /// <summary>Drops every public server that does not listen with ssl: the plain-HTTP redirect server and the
    /// catch-all for other names on its port, so nothing listens there (the status listener stays).</summary>
    public static NginxConf WithoutPlainServer(NginxConf conf)
    {
        var http = conf.Http;
        var servers = http.Block!.Where(d => d.Name != "server" || d.Children("listen").Any(l => l.Args.Contains("ssl"))
            || d.Descendants().Any(c => c.Name == "stub_status")).ToArray();
        Assert.InRange(http.Block!.Count - servers.Length, 1, 2);
        return new NginxConf(conf.Main.Select(d => d.Name == "http" ? d with { Block = servers } : d).ToArray());
    }

    private static NginxConf Rewrite(NginxConf conf, Func<Directive, Directive> edit)
    {
        var changed = 0;
        var result = conf.Rewrite(d =>
        {
            var edited = edit(d);
            if (!ReferenceEquals(edited, d)) changed++;
            return edited;
        });
        Assert.Equal(1, changed); // the edit found exactly the one place it meant
        return result;
    }
}
