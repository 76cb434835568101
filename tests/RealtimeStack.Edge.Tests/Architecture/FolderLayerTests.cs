using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace RealtimeStack.Edge.Tests.Architecture;

/// <summary>
/// The core's folders import in one direction. Each folder is a namespace; a folder may use only the folders of the
/// layers below its own, never one beside or above it. What a file uses is what its <c>using</c> directives and
/// its qualified names (<c>Model.X</c>, <c>RealtimeStack.Edge.Model.X</c>) name, comments and strings aside: the
/// build removes no using, so an unused one counts too (dotnet format removes them).
/// </summary>
public sealed partial class FolderLayerTests(ITestOutputHelper output)
{
    /// <summary>Bottom to top.</summary>
    public static readonly string[][] Layers =
    [
        // Values and the typed spec of an edge and of its deployment.
        ["Model"],
        // What each target is made of: the nginx.conf tree and its writer; what every Kubernetes mode shares; certificates.
        ["Nginx", "Cluster", "Tls"],
        // The targets: the nginx container, ingress-nginx, Envoy Gateway.
        ["Docker", "IngressNginx", "GatewayApi"],
        // Keys, flat configuration and the binders that make the model (key descriptions cite the targets' pinned releases).
        ["Configuration"],
        // What a stack deploys in its mode, as one text.
        ["Rendering"],
        // What an update does to open streams.
        ["Changes"],
    ];

    private static readonly string Core = Path.Combine(RepoPaths.Root, "components", "RealtimeStack.Edge");

    [Fact]
    public void Every_folder_uses_only_the_layers_below_it()
    {
        var layerOf = Layers.SelectMany((names, layer) => names.Select(n => (n, layer))).ToDictionary(x => x.n, x => x.layer);
        var graph = Uses();
        var wrong = new List<string>();
        foreach (var (folder, used) in graph.OrderBy(g => layerOf.GetValueOrDefault(g.Key, -1)))
        {
            output.WriteLine($"{folder} -> {string.Join(", ", used.Keys.Order())}");
            if (!layerOf.TryGetValue(folder, out var layer)) { wrong.Add($"{folder} is in no layer: add it to {nameof(Layers)}"); continue; }
            foreach (var (target, files) in used)
                if (layerOf.GetValueOrDefault(target, int.MaxValue) >= layer)
                    wrong.Add($"{folder} uses {target} ({string.Join(", ", files.Order())}), which is not below it");
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void The_test_sees_a_use_by_using_by_qualified_name_and_not_in_comments_or_strings()
    {
        const string source = """
            using RealtimeStack.Edge.Nginx;
            using static RealtimeStack.Edge.Cluster.ObjectMap;
            namespace RealtimeStack.Edge.Model;
            // Changes.UpdatePlanner in a comment
            /// <see cref="Rendering.RenderedConfiguration"/>
            class X { string s = "Docker.Thing"; object o = Configuration.ConfigKey.All; object p = RealtimeStack.Edge.GatewayApi.GatewaySettings.V1; }
            """;
        Assert.Equal(["Cluster", "Configuration", "GatewayApi", "Nginx"], Used(source).Order());
    }

    /// <summary>For each folder, the folders its files use, each with the files that do.</summary>
    private static Dictionary<string, Dictionary<string, HashSet<string>>> Uses()
    {
        var graph = new Dictionary<string, Dictionary<string, HashSet<string>>>();
        foreach (var folder in Directory.GetDirectories(Core).Select(Path.GetFileName).Where(f => f is not ("bin" or "obj")).Select(f => f!))
        {
            var used = graph[folder] = [];
            foreach (var file in Directory.GetFiles(Path.Combine(Core, folder), "*.cs"))
                foreach (var target in Used(File.ReadAllText(file)).Where(t => t != folder))
                    (used.TryGetValue(target, out var files) ? files : used[target] = []).Add(Path.GetFileNameWithoutExtension(file));
        }
        return graph;
    }

    private static IEnumerable<string> Used(string source)
    {
        // Comments and strings name nothing; a file's own namespace is not a use.
        var code = Regex.Replace(CommentOrString().Replace(source, ""), @"^\s*namespace [\w.]+;", "", RegexOptions.Multiline);
        var folders = Layers.SelectMany(l => l).ToHashSet();
        return Qualified().Matches(code).Select(m => m.Groups["folder"].Value).Where(folders.Contains).Distinct();
    }

    // Comments (line, doc and block) and string literals (regular, verbatim, raw), which name no dependency.
    [GeneratedRegex("""//[^\n]*|/\*.*?\*/|\"\"\"[\s\S]*?\"\"\"|@"(?:[^"]|"")*"|\$?"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\])'""", RegexOptions.Singleline)]
    private static partial Regex CommentOrString();

    // RealtimeStack.Edge.X (in a using or in code) or X.Name where X is a folder.
    [GeneratedRegex(@"RealtimeStack\.Edge\.(?<folder>[A-Z]\w*)(?=[.;])|(?<![\w.])(?<folder>[A-Z]\w*)\.(?=[A-Z])")]
    private static partial Regex Qualified();
}
