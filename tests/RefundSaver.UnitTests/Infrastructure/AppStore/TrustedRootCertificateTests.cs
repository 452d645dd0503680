using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RefundSaver.AppStoreSimulator.Signing;
using RefundSaver.Application.AppStore;

namespace RefundSaver.UnitTests.Infrastructure.AppStore;

/// <summary>Only a certificate authority may be trusted as an extra root, whether set per app or in configuration.</summary>
public sealed class TrustedRootCertificateTests : IDisposable
{
    private readonly SigningChain _chain = SigningChain.Create();

    public void Dispose() => _chain.Dispose();

    [Fact]
    public void ProblemWith_WhenACertificateAuthority_ShouldBeNull() =>
        TrustedRootCertificate.ProblemWith(_chain.RootPem).ShouldBeNull();

    [Fact]
    public void ProblemWith_WhenALeaf_ShouldSayItLacksCaTrue() =>
        TrustedRootCertificate.ProblemWith(_chain.Leaf.ExportCertificatePem()).ShouldNotBeNull()
            .ShouldContain("not a certificate authority: it lacks basicConstraints CA=true");

    [Fact]
    public void TrustedRoots_WhenAStoredRowHoldsALeafBesideACa_ShouldTrustOnlyTheCa()
    {
        var roots = WebhookAppCache.TrustedRoots([_chain.Leaf.ExportCertificatePem(), _chain.RootPem]);

        roots.ShouldHaveSingleItem().ShouldBe(_chain.Root.RawData);
    }

    [Theory]
    [InlineData(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true)]
    [InlineData(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.CrlSign, false)]
    public void ProblemWith_WhenACaHasAKeyUsage_ShouldRequireKeyCertSign(X509KeyUsageFlags usages, bool accepted)
    {
        var problem = TrustedRootCertificate.ProblemWith(SelfSignedCa(usages));

        if (accepted)
        {
            problem.ShouldBeNull();
        }
        else
        {
            problem.ShouldNotBeNull().ShouldContain("its key usage lacks keyCertSign");
        }
    }

    [Fact]
    public void ProblemWith_WhenNotAPemCertificate_ShouldSaySo() =>
        TrustedRootCertificate.ProblemWith("not a certificate").ShouldNotBeNull().ShouldContain("is not one PEM certificate");

    [Fact]
    public void AddInfrastructure_WhenAConfiguredExtraRootIsALeaf_ShouldRefuseToStartNamingIt()
    {
        using var services = Services(_chain.RootPem, _chain.Leaf.ExportCertificatePem());

        var refusal = Should.Throw<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        refusal.Message.ShouldContain("AppStore:Verification:ExtraTrustedRoots:1");
        refusal.Message.ShouldContain("not a certificate authority");
        refusal.Message.ShouldNotContain("ExtraTrustedRoots:0");
    }

    [Fact]
    public void AddInfrastructure_WhenEveryConfiguredExtraRootIsACa_ShouldStart()
    {
        using var services = Services(_chain.RootPem);

        Should.NotThrow(() => services.GetRequiredService<IStartupValidator>().Validate());
    }

    private static ServiceProvider Services(params string[] extraRoots)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:refundsaver"] = "Host=127.0.0.1;Database=unused",
            ["ConnectionStrings:redis"] = "127.0.0.1:1",
        });
        builder.Configuration.AddInMemoryCollection(
            extraRoots.Select((pem, index) => KeyValuePair.Create($"AppStore:Verification:ExtraTrustedRoots:{index}", (string?)pem)));
        builder.AddApplication();
        builder.AddInfrastructure();
        return builder.Services.BuildServiceProvider();
    }

    private static string SelfSignedCa(X509KeyUsageFlags usages)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=RefundSaver test CA", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usages, true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return certificate.ExportCertificatePem();
    }
}
