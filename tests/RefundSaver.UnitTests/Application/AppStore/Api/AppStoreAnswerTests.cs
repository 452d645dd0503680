using RefundSaver.Application.AppStore.Api;
using RefundSaver.Domain.AppStore;

namespace RefundSaver.UnitTests.Application.AppStore.Api;

public sealed class AppStoreAnswerTests
{
    [Theory]
    [InlineData(AppStoreAnswerKind.Accepted, null, false)]
    [InlineData(AppStoreAnswerKind.Rejected, 4000047L, false)]
    [InlineData(AppStoreAnswerKind.Rejected, 4040010L, false)]
    [InlineData(AppStoreAnswerKind.Rejected, null, false)]
    [InlineData(AppStoreAnswerKind.Rejected, 4040006L, true)]
    [InlineData(AppStoreAnswerKind.Unauthorized, null, true)]
    [InlineData(AppStoreAnswerKind.RateLimited, 4290000L, true)]
    [InlineData(AppStoreAnswerKind.ServerError, 5000000L, true)]
    [InlineData(AppStoreAnswerKind.Timeout, null, true)]
    [InlineData(AppStoreAnswerKind.NetworkError, null, true)]
    public void IsRetryable_WhenKindAndErrorCodeVary_ShouldSayWhetherToTryAgainLater(AppStoreAnswerKind kind, long? errorCode, bool retryable)
    {
        var answer = new AppStoreAnswer(kind, null, errorCode, null, null, TimeSpan.Zero, null);

        answer.IsRetryable.ShouldBe(retryable);
    }

    [Fact]
    public void ToString_WhenCredentialsOrACallArePrinted_ShouldMaskThePrivateKey()
    {
        const string pem = "-----BEGIN PRIVATE KEY-----\nMIGTAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBHkwdwIBAQQgSECRET\n-----END PRIVATE KEY-----";
        var credentials = new AppStoreCredentials("issuer-1", "KEY123", pem);
        var call = new AppStoreCall(credentials, "com.example.app", AppStoreEnvironment.Production);

        credentials.ToString().ShouldBe("AppStoreCredentials { IssuerId = issuer-1, KeyId = KEY123, PrivateKeyPem = *** }");
        call.ToString().ShouldNotContain("SECRET");
        call.ToString().ShouldContain("KEY123");
        $"{call}".ShouldNotContain("PRIVATE KEY");
    }
}
