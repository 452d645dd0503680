using System.Reflection;

namespace RefundSaver.UnitTests.Architecture;

/// <summary>References point inward only: Api → Infrastructure → Application → Domain.</summary>
public sealed class LayerReferenceTests
{
    private static readonly Assembly Domain = typeof(RefundSaver.Domain.Profiles.Profile).Assembly;
    private static readonly Assembly Application = typeof(RefundSaver.Application.Common.Results.Error).Assembly;
    private static readonly Assembly Infrastructure = typeof(RefundSaver.Infrastructure.Persistence.RefundSaverDbContext).Assembly;
    private static readonly Assembly Api = typeof(RefundSaver.Api.Errors.ApiErrors).Assembly;

    public static TheoryData<string, string[]> ForbiddenReferences => new()
    {
        { "RefundSaver.Domain", ["RefundSaver.Application", "RefundSaver.Infrastructure", "RefundSaver.Api"] },
        { "RefundSaver.Application", ["RefundSaver.Infrastructure", "RefundSaver.Api"] },
        { "RefundSaver.Infrastructure", ["RefundSaver.Api"] },
    };

    [Theory]
    [MemberData(nameof(ForbiddenReferences))]
    public void Layer_WhenCompiled_ShouldNotReferenceOuterLayers(string layer, string[] outerLayers)
    {
        var references = Layers().Single(assembly => assembly.GetName().Name == layer)
            .GetReferencedAssemblies().Select(reference => reference.Name).ToList();

        references.ShouldNotContain(name => outerLayers.Contains(name));
    }

    [Fact]
    public void Domain_WhenCompiled_ShouldReferenceNoPackages()
    {
        var references = Domain.GetReferencedAssemblies().Select(reference => reference.Name!).ToList();

        references.ShouldAllBe(name => name.StartsWith("System", StringComparison.Ordinal) || name == "netstandard");
    }

    [Fact]
    public void Layers_WhenCompiled_ShouldEachReferenceTheNextInnerLayer()
    {
        Names(Application).ShouldContain("RefundSaver.Domain");
        Names(Infrastructure).ShouldContain("RefundSaver.Application");
        Names(Api).ShouldContain("RefundSaver.Infrastructure");
    }

    private static Assembly[] Layers() => [Domain, Application, Infrastructure, Api];

    private static List<string?> Names(Assembly assembly) =>
        assembly.GetReferencedAssemblies().Select(reference => reference.Name).ToList();
}
