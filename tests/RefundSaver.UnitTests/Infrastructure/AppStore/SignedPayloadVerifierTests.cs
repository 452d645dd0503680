using System.Security.Cryptography;
using System.Text;
using RefundSaver.AppStoreSimulator.Signing;
using RefundSaver.Application.AppStore;
using RefundSaver.Infrastructure.AppStore;

namespace RefundSaver.UnitTests.Infrastructure.AppStore;

public sealed class SignedPayloadVerifierTests : SigningChainTest
{
    [Fact]
    public void Verify_WhenSignedUnderATrustedChain_ShouldBeVerifiedWithThePayload()
    {
        var result = Verifier().Verify(Signer.Sign(Notification()), Chain.TrustedRoots);

        result.Status.ShouldBe(VerificationStatus.Verified);
        result.FailureReason.ShouldBeNull();
        result.Payload.GetProperty("notificationType").GetString().ShouldBe("CONSUMPTION_REQUEST");
        result.Payload.GetProperty("data").GetProperty("bundleId").GetString().ShouldBe("com.example.app");
    }

    [Fact]
    public void Verify_WhenAlgIsNone_ShouldBeInvalid()
    {
        var signed = new JwsSigner(Chain.LeafKey, JwsSigner.BuildHeader(Chain.X5c, "none")).Sign(Notification());
        var unsigned = signed[..(signed.LastIndexOf('.') + 1)];

        ShouldBeInvalid(Verifier().Verify(unsigned, Chain.TrustedRoots), "alg");
    }

    [Fact]
    public void Verify_WhenAlgIsHs256KeyedWithTheLeafPublicKey_ShouldBeInvalid()
    {
        var header = JwsSigner.Base64UrlEncode(Encoding.UTF8.GetBytes(JwsSigner.BuildHeader(Chain.X5c, "HS256")));
        var payload = JwsSigner.Base64UrlEncode(Encoding.UTF8.GetBytes(Notification()));
        var secret = Chain.Leaf.PublicKey.EncodedKeyValue.RawData;
        var mac = HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes($"{header}.{payload}"));
        var token = $"{header}.{payload}.{JwsSigner.Base64UrlEncode(mac)}";

        ShouldBeInvalid(Verifier().Verify(token, Chain.TrustedRoots), "alg");
    }

    [Theory]
    [InlineData("ES384")]
    [InlineData("es256")]
    [InlineData("RS256")]
    public void Verify_WhenAlgIsNotExactlyEs256_ShouldBeInvalid(string alg)
    {
        var token = new JwsSigner(Chain.LeafKey, JwsSigner.BuildHeader(Chain.X5c, alg)).Sign(Notification());

        ShouldBeInvalid(Verifier().Verify(token, Chain.TrustedRoots), "alg");
    }

    [Fact]
    public void Verify_WhenAlgIsMissing_ShouldBeInvalid()
    {
        var header = $$"""{"x5c":["{{string.Join("\",\"", Chain.X5c.Select(Convert.ToBase64String))}}"]}""";

        ShouldBeInvalid(Verifier().Verify(new JwsSigner(Chain.LeafKey, header).Sign(Notification()), Chain.TrustedRoots), "alg");
    }

    [Fact]
    public void Verify_WhenX5cIsMissing_ShouldBeInvalid()
    {
        var token = new JwsSigner(Chain.LeafKey, """{"alg":"ES256"}""").Sign(Notification());

        ShouldBeInvalid(Verifier().Verify(token, Chain.TrustedRoots), "x5c");
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void Verify_WhenX5cDoesNotHoldThreeCertificates_ShouldBeInvalid(int count)
    {
        var x5c = Chain.X5c.Concat(Chain.X5c).Take(count).ToList();

        ShouldBeInvalid(Verifier().Verify(new JwsSigner(Chain.LeafKey, x5c).Sign(Notification()), Chain.TrustedRoots), "x5c");
    }

    [Fact]
    public void Verify_WhenX5cIsBase64UrlRatherThanBase64_ShouldBeInvalid()
    {
        var urlEncoded = Chain.X5c.Select(der => JwsSigner.Base64UrlEncode(der)).ToList();
        urlEncoded.ShouldContain(value => value.Contains('-') || value.Contains('_'));
        var header = $$"""{"alg":"ES256","x5c":["{{string.Join("\",\"", urlEncoded)}}"]}""";

        ShouldBeInvalid(Verifier().Verify(new JwsSigner(Chain.LeafKey, header).Sign(Notification()), Chain.TrustedRoots), "base64");
    }

    [Fact]
    public void Verify_WhenAnX5cEntryIsNotACertificate_ShouldBeInvalid()
    {
        var x5c = new[] { Chain.X5c[0], Chain.X5c[1], "not a certificate"u8.ToArray() };

        ShouldBeInvalid(Verifier().Verify(new JwsSigner(Chain.LeafKey, x5c).Sign(Notification()), Chain.TrustedRoots), "x5c[2]");
    }

    [Fact]
    public void Verify_WhenLeafLacksAppleOid_ShouldBeInvalid()
    {
        using var chain = SigningChain.Create(new SigningChainOptions { Now = Clock.GetUtcNow(), LeafHasAppleOid = false });

        ShouldBeInvalid(Verifier().Verify(new JwsSigner(chain).Sign(Notification()), chain.TrustedRoots), SigningChain.LeafOid);
    }

    [Fact]
    public void Verify_WhenIntermediateLacksAppleOid_ShouldBeInvalid()
    {
        using var chain = SigningChain.Create(
            new SigningChainOptions { Now = Clock.GetUtcNow(), IntermediateHasAppleOid = false });

        ShouldBeInvalid(
            Verifier().Verify(new JwsSigner(chain).Sign(Notification()), chain.TrustedRoots), SigningChain.IntermediateOid);
    }

    [Fact]
    public void Verify_WhenLeafIsSignedByANonCaIntermediate_ShouldBeInvalid()
    {
        using var chain = SigningChain.Create(new SigningChainOptions { Now = Clock.GetUtcNow(), IntermediateIsCa = false });

        ShouldBeInvalid(Verifier().Verify(new JwsSigner(chain).Sign(Notification()), chain.TrustedRoots), "not a CA");
    }

    [Fact]
    public void Verify_WhenTheWholeChainIsSelfMadeAndItsRootIsOnlyCarriedInX5c_ShouldBeInvalid()
    {
        using var selfMade = SigningChain.Create(new SigningChainOptions { Now = Clock.GetUtcNow() });

        ShouldBeInvalid(Verifier().Verify(new JwsSigner(selfMade).Sign(Notification()), Chain.TrustedRoots), "chain");
    }

    [Fact]
    public void Verify_WhenNoExtraRootIsTrusted_ShouldRefuseTheTestChain()
    {
        ShouldBeInvalid(Verifier().Verify(Signer.Sign(Notification()), []), "chain");
    }

    [Fact]
    public void Verify_WhenTheCarriedRootIsTrustedButTheIntermediateIsSelfMade_ShouldBeInvalid()
    {
        using var selfMade = SigningChain.Create(new SigningChainOptions { Now = Clock.GetUtcNow() });
        var x5c = new[] { selfMade.X5c[0], selfMade.X5c[1], Chain.RootDer };

        ShouldBeInvalid(Verifier().Verify(new JwsSigner(selfMade.LeafKey, x5c).Sign(Notification()), Chain.TrustedRoots), "chain");
    }

    [Fact]
    public void Verify_WhenLeafHasExpiredBySignedDate_ShouldBeInvalid()
    {
        using var chain = SigningChain.Create(new SigningChainOptions { Now = Clock.GetUtcNow(), LeafExpired = true });

        ShouldBeInvalid(Verifier().Verify(new JwsSigner(chain).Sign(Notification()), chain.TrustedRoots), "NotTimeValid");
    }

    [Fact]
    public void Verify_WhenSignedDateLiesWithinAnExpiredLeafsValidity_ShouldBeVerified()
    {
        using var chain = SigningChain.Create(new SigningChainOptions { Now = Clock.GetUtcNow(), LeafExpired = true });
        var signedDate = Clock.GetUtcNow().AddDays(-30);

        var result = Verifier().Verify(new JwsSigner(chain).Sign(Notification(signedDate)), chain.TrustedRoots);

        result.Status.ShouldBe(VerificationStatus.Verified);
    }

    [Fact]
    public void Verify_WhenSignedDateIsAbsent_ShouldCheckTheChainNow()
    {
        using var expired = SigningChain.Create(new SigningChainOptions { Now = Clock.GetUtcNow(), LeafExpired = true });
        const string undated = """{"notificationType":"TEST","data":{"environment":"Sandbox"}}""";

        Verifier().Verify(Signer.Sign(undated), Chain.TrustedRoots).Status.ShouldBe(VerificationStatus.Verified);
        ShouldBeInvalid(Verifier().Verify(new JwsSigner(expired).Sign(undated), expired.TrustedRoots), "NotTimeValid");
    }

    [Theory]
    [InlineData("\"1700000000000\"")]
    [InlineData("1.5")]
    [InlineData("99999999999999999999")]
    [InlineData("{}")]
    public void Verify_WhenSignedDateIsNotMilliseconds_ShouldBeInvalid(string signedDate)
    {
        var token = Signer.Sign($$"""{"notificationType":"TEST","signedDate":{{signedDate}}}""");

        ShouldBeInvalid(Verifier().Verify(token, Chain.TrustedRoots), "signedDate");
    }

    [Fact]
    public void Verify_WhenPayloadWasTampered_ShouldBeInvalid()
    {
        var token = Signer.Sign(Notification());
        var parts = token.Split('.');
        var forged = JwsSigner.Base64UrlEncode(Encoding.UTF8.GetBytes(Notification().Replace("com.example.app", "com.evil.app")));

        ShouldBeInvalid(Verifier().Verify($"{parts[0]}.{forged}.{parts[2]}", Chain.TrustedRoots), "signature");
    }

    [Fact]
    public void Verify_WhenSignatureWasTampered_ShouldBeInvalid()
    {
        var token = Signer.Sign(Notification());
        var parts = token.Split('.');
        var signature = Convert.FromBase64String(ToStandardBase64(parts[2]));
        signature[10] ^= 0x01;

        ShouldBeInvalid(
            Verifier().Verify($"{parts[0]}.{parts[1]}.{JwsSigner.Base64UrlEncode(signature)}", Chain.TrustedRoots), "signature");
    }

    [Fact]
    public void Verify_WhenSignatureIsDerRatherThanIeeeP1363_ShouldBeInvalid()
    {
        var token = Signer.Sign(Notification());
        var signingInput = token[..token.LastIndexOf('.')];
        var der = Chain.LeafKey.SignData(
            Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

        ShouldBeInvalid(Verifier().Verify($"{signingInput}.{JwsSigner.Base64UrlEncode(der)}", Chain.TrustedRoots), "signature");
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("abc.def")]
    [InlineData("a.b.c.d")]
    [InlineData("..")]
    [InlineData("!!!.###.$$$")]
    [InlineData("eyJhbGciOiJFUzI1NiJ9.e30")]
    [InlineData("bm90IGpzb24.e30.AA")]
    [InlineData("WzFd.e30.AA")]
    [InlineData("eyJhbGciOiJFUzI1NiIsImFsZyI6Im5vbmUifQ.e30.AA")]
    [InlineData("eyJhbGciOiJFUzI1NiIsIng1YyI6WzEsMiwzXX0.e30.AA")]
    [InlineData("eyJhbGciOiJFUzI1NiIsIng1YyI6IngifQ.e30.AA")]
    public void Verify_WhenInputIsGarbage_ShouldBeInvalidWithoutThrowing(string token)
    {
        var result = Verifier().Verify(token, Chain.TrustedRoots);

        result.Status.ShouldBe(VerificationStatus.Invalid);
        result.FailureReason.ShouldNotBeNullOrWhiteSpace();
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("\"text\"")]
    [InlineData("{\"a\":1,\"a\":2}")]
    public void Verify_WhenPayloadIsNotASingleJsonObject_ShouldBeInvalid(string payload)
    {
        ShouldBeInvalid(Verifier().Verify(Signer.Sign(payload), Chain.TrustedRoots), "payload");
    }

    [Fact]
    public void Verify_WhenATrustedRootIsNotACertificate_ShouldBeInvalid()
    {
        ShouldBeInvalid(Verifier().Verify(Signer.Sign(Notification()), [[1, 2, 3]]), "trusted root");
    }

    [Fact]
    public void Verify_WhenANestedTransactionWasTampered_ShouldRefuseItButNotTheNotification()
    {
        var transaction = Signer.Sign(new
        {
            transactionId = "2000000123", productId = "coins.100", environment = "Sandbox", signedDate = Millis(Clock.GetUtcNow()),
        });
        var parts = transaction.Split('.');
        var forgedPayload = JwsSigner.Base64UrlEncode(
            """{"transactionId":"2000000123","productId":"coins.100000"}"""u8);
        var notification = Signer.Sign(new
        {
            notificationType = "CONSUMPTION_REQUEST",
            signedDate = Millis(Clock.GetUtcNow()),
            data = new { environment = "Sandbox", signedTransactionInfo = $"{parts[0]}.{forgedPayload}.{parts[2]}" },
        });
        var verifier = Verifier();

        var outer = verifier.Verify(notification, Chain.TrustedRoots);
        outer.Status.ShouldBe(VerificationStatus.Verified);
        var nested = outer.Payload.GetProperty("data").GetProperty("signedTransactionInfo").GetString()!;

        ShouldBeInvalid(verifier.Verify(nested, Chain.TrustedRoots), "signature");
        verifier.Verify(transaction, Chain.TrustedRoots).Status.ShouldBe(VerificationStatus.Verified);
    }

    internal static void ShouldBeInvalid(SignedPayloadVerification result, string reasonPart)
    {
        result.Status.ShouldBe(VerificationStatus.Invalid);
        result.FailureReason.ShouldNotBeNull().ShouldContain(reasonPart, Case.Insensitive);
        result.Payload.ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Undefined);
    }

    private static long Millis(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    private static string ToStandardBase64(string base64Url)
    {
        var standard = base64Url.Replace('-', '+').Replace('_', '/');
        return standard.PadRight(standard.Length + ((4 - (standard.Length % 4)) % 4), '=');
    }

    private string Notification(DateTimeOffset? signedDate = null) =>
        $$$"""{"notificationType":"CONSUMPTION_REQUEST","signedDate":{{{Millis(signedDate ?? Clock.GetUtcNow())}}},"data":{"bundleId":"com.example.app","environment":"Sandbox"}}""";

    private SignedPayloadVerifier Verifier() =>
        VerifierWith(new AppStoreVerificationOptions());
}
