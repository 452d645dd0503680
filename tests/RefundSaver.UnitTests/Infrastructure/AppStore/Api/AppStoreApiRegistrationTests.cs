using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RefundSaver.Application.AppStore.Api;
using RefundSaver.Infrastructure.AppStore.Api;

namespace RefundSaver.UnitTests.Infrastructure.AppStore.Api;

public sealed class AppStoreApiRegistrationTests
{
    [Fact]
    public void AddInfrastructure_WhenConfigured_ShouldRegisterTheClientAndProtectorWithBoundOptions()
    {
        using var services = Services(new()
        {
            ["AppStore:SandboxBaseUrl"] = "http://127.0.0.1:5300/sandbox",
            ["AppStore:Client:AttemptTimeoutSeconds"] = "3",
            ["AppStore:Client:MaxInlineRetryAfterSeconds"] = "1.5",
            ["AppStore:CredentialsKey"] = Convert.ToBase64String(new byte[32]),
        });

        services.GetRequiredService<IAppStoreApi>().ShouldBeOfType<AppStoreApiClient>();
        services.GetRequiredService<ICredentialProtector>().IsConfigured.ShouldBeTrue();
        services.GetRequiredService<AppStoreTokenFactory>().ShouldBeSameAs(services.GetRequiredService<AppStoreTokenFactory>());
        var options = services.GetRequiredService<IOptions<AppStoreApiOptions>>().Value;
        options.ProductionBaseUrl.ShouldBe("https://api.storekit.apple.com");
        options.SandboxBaseUrl.ShouldBe("http://127.0.0.1:5300/sandbox");
        options.Client.AttemptTimeoutSeconds.ShouldBe(3);
        options.Client.MaxInlineRetryAfterSeconds.ShouldBe(1.5);
        services.GetRequiredService<AppStoreResiliencePipeline>().AttemptTimeout.ShouldBe(TimeSpan.FromSeconds(3));
    }

    [Fact]
    public void AddInfrastructure_WhenNothingIsConfigured_ShouldUseApplesUrlsAndLeaveTheProtectorUnconfigured()
    {
        using var services = Services([]);

        var options = services.GetRequiredService<IOptions<AppStoreApiOptions>>().Value;
        options.ProductionBaseUrl.ShouldBe("https://api.storekit.apple.com");
        options.SandboxBaseUrl.ShouldBe("https://api.storekit-sandbox.apple.com");
        options.Client.AttemptTimeoutSeconds.ShouldBe(10);
        options.Client.MaxInlineRetryAfterSeconds.ShouldBe(2);
        services.GetRequiredService<ICredentialProtector>().IsConfigured.ShouldBeFalse();
    }

    [Theory]
    [InlineData("AppStore:ProductionBaseUrl", "not a url")]
    [InlineData("AppStore:Client:AttemptTimeoutSeconds", "0")]
    [InlineData("AppStore:CredentialsKey", "c2hvcnQ=")]
    [InlineData("AppStore:PreviousCredentialsKeys:0", "c2hvcnQ=")]
    public void AddInfrastructure_WhenASettingIsInvalid_ShouldFailValidationNamingIt(string setting, string value)
    {
        using var services = Services(new() { [setting] = value });

        var exception = Should.Throw<OptionsValidationException>(() =>
        {
            _ = services.GetRequiredService<IOptions<AppStoreApiOptions>>().Value;
            _ = services.GetRequiredService<IOptions<CredentialProtectionOptions>>().Value;
        });

        exception.Message.ShouldContain(setting.Split(':').Last(part => !int.TryParse(part, out _)));
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:refundsaver"] = "Host=127.0.0.1;Database=unused",
            ["ConnectionStrings:redis"] = "127.0.0.1:1",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddApplication();
        builder.AddInfrastructure();
        return builder.Services.BuildServiceProvider();
    }
}
