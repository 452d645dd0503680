using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RefundSaver.Application.AppStore;
using RefundSaver.Infrastructure.AppStore;

namespace RefundSaver.UnitTests.Infrastructure.AppStore;

public sealed class SignedPayloadVerifierRegistrationTests
{
    [Fact]
    public void AddInfrastructure_WhenConfigured_ShouldRegisterOneVerifierWithBoundOptions()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:refundsaver"] = "Host=127.0.0.1;Database=unused",
            ["ConnectionStrings:redis"] = "127.0.0.1:1",
            ["AppStore:Verification:OnlineRevocationChecks"] = "true",
            ["AppStore:Verification:ChainCacheMinutes"] = "5",
        });
        builder.AddApplication();
        builder.AddInfrastructure();
        using var services = builder.Services.BuildServiceProvider();

        var verifier = services.GetRequiredService<ISignedPayloadVerifier>();

        verifier.ShouldBeOfType<SignedPayloadVerifier>();
        services.GetRequiredService<ISignedPayloadVerifier>().ShouldBeSameAs(verifier);
        var options = services.GetRequiredService<IOptions<AppStoreVerificationOptions>>().Value;
        options.OnlineRevocationChecks.ShouldBeTrue();
        options.ChainCacheMinutes.ShouldBe(5);
    }
}
