using RefundSaver.Api.Errors;

namespace RefundSaver.UnitTests.Api;

public sealed class WireNamesTests
{
    [Theory]
    [InlineData("", "non_field_errors")]
    [InlineData("Name", "name")]
    [InlineData("BundleId.Value", "bundle_id")]
    [InlineData("AppStoreCredentials.Value.KeyId", "app_store_credentials.key_id")]
    [InlineData("AppStoreCredentials", "app_store_credentials")]
    [InlineData("Selector.CustomerUserId", "adapty-customer-user-id")]
    [InlineData("Selector.ProfileId", "adapty-profile-id")]
    [InlineData("SignedPayload", "signedPayload")]
    [InlineData("PageSize", "page_size")]
    public void Of_WhenGivenARecordPath_ShouldAnswerTheNameTheClientSent(string source, string wireName) =>
        WireNames.Of(source).ShouldBe(wireName);

    [Theory]
    [InlineData("bundle_id")]
    [InlineData("app_store_credentials.private_key_pem")]
    [InlineData("signedPayload")]
    [InlineData("non_field_errors")]
    public void Of_WhenGivenAWireName_ShouldKeepIt(string wireName) =>
        WireNames.Of(wireName).ShouldBe(wireName);
}
