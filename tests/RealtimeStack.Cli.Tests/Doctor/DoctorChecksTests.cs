using System.Reflection;
using RealtimeStack.Cli.Doctor;

namespace RealtimeStack.Cli.Tests.Doctor;

/// <summary>Every check the doctor knows is run and has a fix for every kind of edge.</summary>
public sealed class DoctorChecksTests
{
    /// <summary>Read off the class, not off <see cref="DoctorChecks.All"/>: a check added but left out of the list counts too.</summary>
    private static IReadOnlyList<CheckDefinition> Declared { get; } = typeof(DoctorChecks)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(CheckDefinition))
        .Select(f => (CheckDefinition)f.GetValue(null)!)
        .ToArray();

    [Fact]
    public void Every_declared_check_is_run() =>
        Assert.Equal(Declared.Select(c => c.Id).Order(StringComparer.Ordinal), DoctorChecks.All.Select(c => c.Id).Order(StringComparer.Ordinal));

    [Fact]
    public void Every_check_has_an_nginx_and_an_envoy_gateway_fix()
    {
        Assert.NotEmpty(Declared);
        var missing = Declared.Where(c => string.IsNullOrWhiteSpace(c.Fix.Nginx) || string.IsNullOrWhiteSpace(c.Fix.EnvoyGateway)).Select(c => c.Id);
        Assert.Empty(missing);
    }
}
