using RealtimeStack.Edge.Configuration;

namespace RealtimeStack.Edge.Tests.Configuration;

public sealed class StackFileTests
{
    [Fact]
    public void Reads_plain_values_and_lists_encrypted_keys()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, """
                encryptionsalt: v1:abc
                config:
                  realtime:domain: example.com
                  realtime:httpsPort: 443
                  realtime:tlsKey:
                    secure: AAABAGVuY3J5cHRlZA==
                  aws:region: eu-west-1
                """);
            var file = StackFile.Load(path);
            Assert.Equal("example.com", file.Values["realtime:domain"]);
            Assert.Equal("443", file.Values["realtime:httpsPort"]);
            Assert.Equal("eu-west-1", file.Values["aws:region"]);
            Assert.Equal(["realtime:tlsKey"], file.Encrypted);
            Assert.False(file.Values.ContainsKey("realtime:tlsKey"));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void A_yaml_list_is_read_as_the_list_and_an_item_with_a_comma_is_refused()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "config:\n  realtime:apiServers:\n    - api-1:9000\n    - api-2:9001\n");
            Assert.Equal("api-1:9000,api-2:9001", StackFile.Load(path).Values["realtime:apiServers"]);
            File.WriteAllText(path, "config:\n  realtime:apiServers:\n    - api-1:9000,api-2:9001\n");
            var e = Assert.Throws<FormatException>(() => StackFile.Load(path));
            Assert.Contains("realtime:apiServers: item 0 ('api-1:9000,api-2:9001') must not contain a comma", e.Message);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Broken_yaml_names_the_file()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "config:\n  realtime:domain: [unclosed\n");
            var e = Assert.Throws<FormatException>(() => StackFile.Load(path));
            Assert.Contains(path, e.Message);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void The_dev_stack_file_binds()
    {
        var file = StackFile.Load(StackFile.PathFor(RepoPaths.Root, "dev"));
        var spec = EdgeConfigBinder.Bind(file.Values);
        Assert.Equal("localhost", spec.PrimaryName.Value);
        Assert.Empty(file.Encrypted);
    }
}
