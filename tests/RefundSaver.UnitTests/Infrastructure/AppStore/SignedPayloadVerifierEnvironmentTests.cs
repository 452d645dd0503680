using System.Text.Json.Nodes;
using RefundSaver.Application.AppStore;
using RefundSaver.Infrastructure.AppStore;

namespace RefundSaver.UnitTests.Infrastructure.AppStore;

/// <summary>
/// A root other than Apple's (configured for every app, or an app's own) is trusted for Sandbox
/// payloads only, unless AppStore:Verification:AllowExtraRootsInProduction is set.
/// </summary>
public sealed class SignedPayloadVerifierEnvironmentTests : SigningChainTest
{
    private const string OptInReason = "AppStore:Verification:AllowExtraRootsInProduction=true";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Verify_WhenAnExtraRootSignsSandbox_ShouldBeVerified(bool appsOwnRoot)
    {
        var result = Verify(Verifier(appsOwnRoot), Notification("Sandbox"), appsOwnRoot);

        result.Status.ShouldBe(VerificationStatus.Verified);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Verify_WhenAnExtraRootSignsProduction_ShouldBeInvalidSayingHowToOptIn(bool appsOwnRoot)
    {
        var result = Verify(Verifier(appsOwnRoot), Notification("Production"), appsOwnRoot);

        SignedPayloadVerifierTests.ShouldBeInvalid(
            result,
            "signed under a root other than Apple's, which is trusted for Sandbox only; "
            + "set AppStore:Verification:AllowExtraRootsInProduction=true to trust it for Production");
    }

    [Theory]
    [InlineData("""{"notificationType":"TEST","data":{"bundleId":"com.example.app"}}""")]
    [InlineData("""{"notificationType":"TEST"}""")]
    [InlineData("""{"notificationType":"TEST","data":{"environment":"Xcode"}}""")]
    [InlineData("""{"notificationType":"TEST","data":{"environment":"sandbox"}}""")]
    [InlineData("""{"notificationType":"TEST","data":{"environment":null}}""")]
    [InlineData("""{"notificationType":"TEST","data":{"environment":["Sandbox"]}}""")]
    [InlineData("""{"transactionId":"2000000001","environment":"LocalTesting"}""")]
    public void Verify_WhenTheEnvironmentIsMissingOrUnknown_ShouldCountAsProductionAndBeInvalid(string payload)
    {
        SignedPayloadVerifierTests.ShouldBeInvalid(Verify(Verifier(appsOwnRoot: true), payload, appsOwnRoot: true), OptInReason);
    }

    [Theory]
    [InlineData("""{"transactionId":"2000000001","environment":"Sandbox"}""")]
    [InlineData("""{"notificationType":"TEST","data":{"environment":"Sandbox"}}""")]
    [InlineData("""{"notificationType":"RENEWAL_EXTENSION","summary":{"environment":"Sandbox"}}""")]
    [InlineData("""{"notificationType":"EXTERNAL_PURCHASE_TOKEN","externalPurchaseToken":{"environment":"Sandbox"}}""")]
    [InlineData("""{"notificationType":"RESCIND_CONSENT","appData":{"environment":"Sandbox"}}""")]
    public void Verify_WhenSandboxIsNamedWhereThePayloadNamesItsEnvironment_ShouldBeVerified(string payload)
    {
        Verify(Verifier(appsOwnRoot: true), payload, appsOwnRoot: true).Status.ShouldBe(VerificationStatus.Verified);
    }

    [Theory]
    [InlineData("""{"environment":"Sandbox","data":{"environment":"Production"}}""")]
    [InlineData("""{"environment":"Production","data":{"environment":"Sandbox"}}""")]
    [InlineData("""{"data":{"environment":"Sandbox"},"summary":{"environment":"Production"}}""")]
    [InlineData("""{"data":{"environment":"Sandbox"},"appData":{"environment":"Production"}}""")]
    public void Verify_WhenThePayloadNamesSandboxInOnePlaceAndAnotherEnvironmentElsewhere_ShouldBeInvalid(string payload)
    {
        SignedPayloadVerifierTests.ShouldBeInvalid(Verify(Verifier(appsOwnRoot: true), payload, appsOwnRoot: true), OptInReason);
    }

    [Theory]
    [InlineData(false, "Production")]
    [InlineData(true, "Production")]
    [InlineData(true, null)]
    public void Verify_WhenTheOperatorOptedIn_ShouldAcceptProductionUnderAnExtraRoot(bool appsOwnRoot, string? environment)
    {
        var result = Verify(Verifier(appsOwnRoot, allowExtraRootsInProduction: true), Notification(environment), appsOwnRoot);

        result.Status.ShouldBe(VerificationStatus.Verified);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Verify_WhenTheChainIsCached_ShouldApplyTheSameRuleAsToAFreshChain(bool appsOwnRoot)
    {
        var verifier = Verifier(appsOwnRoot);

        var freshProduction = Verify(verifier, Notification("Production"), appsOwnRoot);
        var cachedSandbox = Verify(verifier, Notification("Sandbox"), appsOwnRoot);
        var cachedProduction = Verify(verifier, Notification("Production"), appsOwnRoot);

        SignedPayloadVerifierTests.ShouldBeInvalid(freshProduction, OptInReason);
        cachedSandbox.Status.ShouldBe(VerificationStatus.Verified);
        SignedPayloadVerifierTests.ShouldBeInvalid(cachedProduction, OptInReason);
        verifier.ChainValidations.ShouldBe(1);
    }

    [Fact]
    public void Verify_WhenTheSignatureDoesNotVerify_ShouldGiveThatReasonRatherThanTheRoots()
    {
        var token = Signer.Sign(Notification("Production"));
        var forged = token[..token.LastIndexOf('.')] + "." + Signer.Sign(Notification("Sandbox")).Split('.')[2];

        SignedPayloadVerifierTests.ShouldBeInvalid(Verifier(appsOwnRoot: true).Verify(forged, Chain.TrustedRoots), "signature");
    }

    private SignedPayloadVerification Verify(SignedPayloadVerifier verifier, string payload, bool appsOwnRoot) =>
        verifier.Verify(Signer.Sign(payload), appsOwnRoot ? Chain.TrustedRoots : []);

    private string Notification(string? environment)
    {
        var data = new JsonObject { ["bundleId"] = "com.example.app" };
        if (environment is not null)
        {
            data["environment"] = environment;
        }

        return new JsonObject
        {
            ["notificationType"] = "CONSUMPTION_REQUEST",
            ["signedDate"] = Clock.GetUtcNow().ToUnixTimeMilliseconds(),
            ["data"] = data,
        }.ToJsonString();
    }

    /// <param name="appsOwnRoot">The test chain's root is the app's own (passed to Verify), else configured for every app.</param>
    /// <param name="allowExtraRootsInProduction">The operator's opt-in.</param>
    private SignedPayloadVerifier Verifier(bool appsOwnRoot, bool allowExtraRootsInProduction = false) =>
        VerifierWith(new AppStoreVerificationOptions
        {
            ExtraTrustedRoots = appsOwnRoot ? [] : [Chain.RootPem],
            AllowExtraRootsInProduction = allowExtraRootsInProduction,
        });
}
