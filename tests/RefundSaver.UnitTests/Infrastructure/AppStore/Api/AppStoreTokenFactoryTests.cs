using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using RefundSaver.Application.AppStore.Api;
using RefundSaver.Infrastructure.AppStore.Api;
using RefundSaver.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace RefundSaver.UnitTests.Infrastructure.AppStore.Api;

public sealed class AppStoreTokenFactoryTests : IDisposable
{
    private readonly TestAppStoreKey _key = new();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    public void Dispose() => _key.Dispose();

    [Fact]
    public async Task GetToken_WhenCalled_ShouldBeAnES256TokenAppleAccepts()
    {
        var token = new AppStoreTokenFactory(_clock).GetToken(_key.Call());

        var validation = await _key.ValidateAsync(token);

        validation.IsValid.ShouldBeTrue(validation.Exception?.Message);
        var jwt = (JsonWebToken)validation.SecurityToken;
        jwt.Alg.ShouldBe("ES256");
        jwt.Kid.ShouldBe(_key.KeyId);
        jwt.Typ.ShouldBe("JWT");
        jwt.Issuer.ShouldBe(TestAppStoreKey.IssuerId);
        jwt.Audiences.ShouldBe(["appstoreconnect-v1"]);
        jwt.GetClaim("bid").Value.ShouldBe(TestAppStoreKey.BundleId);
        jwt.IssuedAt.ShouldBe(_clock.GetUtcNow().UtcDateTime);
        (jwt.ValidTo - jwt.IssuedAt).ShouldBe(TimeSpan.FromMinutes(20));
        (jwt.ValidTo - jwt.IssuedAt).ShouldBeLessThanOrEqualTo(TimeSpan.FromMinutes(60));
    }

    [Fact]
    public void GetToken_WhenCalled_ShouldCarryOnlyApplesHeaderFieldsAndClaims()
    {
        var jwt = new JsonWebToken(new AppStoreTokenFactory(_clock).GetToken(_key.Call()));

        HeaderNames(jwt).ShouldBe(["alg", "kid", "typ"], ignoreOrder: true);
        jwt.Claims.Select(claim => claim.Type).Distinct().ShouldBe(["iss", "iat", "exp", "aud", "bid"], ignoreOrder: true);
    }

    [Fact]
    public void GetToken_WhenCalledAgainWithinFifteenMinutes_ShouldReuseTheToken()
    {
        var factory = new AppStoreTokenFactory(_clock);
        var first = factory.GetToken(_key.Call());

        _clock.Advance(TimeSpan.FromMinutes(14) + TimeSpan.FromSeconds(59));
        var second = factory.GetToken(_key.Call());

        second.ShouldBe(first);
    }

    [Fact]
    public void GetToken_WhenFiveMinutesFromExpiry_ShouldMakeANewToken()
    {
        var factory = new AppStoreTokenFactory(_clock);
        var first = factory.GetToken(_key.Call());

        _clock.Advance(TimeSpan.FromMinutes(15));
        var second = factory.GetToken(_key.Call());

        second.ShouldNotBe(first);
        new JsonWebToken(second).IssuedAt.ShouldBe(_clock.GetUtcNow().UtcDateTime);
        factory.GetToken(_key.Call()).ShouldBe(second);
    }

    [Fact]
    public void GetToken_WhenTheClockGoesBack_ShouldNotReuseATokenFromTheFuture()
    {
        var clock = new SettableClock(_clock.GetUtcNow());
        var factory = new AppStoreTokenFactory(clock);
        var first = factory.GetToken(_key.Call());

        clock.Now = clock.Now.AddMinutes(-2);

        factory.GetToken(_key.Call()).ShouldNotBe(first);
    }

    /// <summary>A wall clock that can be set back, as an NTP step does (FakeTimeProvider only moves forward).</summary>
    private sealed class SettableClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public void GetToken_WhenBundleKeyIdOrKeyDiffer_ShouldKeepATokenForEach()
    {
        var factory = new AppStoreTokenFactory(_clock);
        using var otherKey = new TestAppStoreKey(_key.KeyId);
        var call = _key.Call();

        var tokens = new[]
        {
            factory.GetToken(call),
            factory.GetToken(call with { BundleId = "com.example.other" }),
            factory.GetToken(call with { Credentials = call.Credentials with { KeyId = "OTHERKEYID" } }),
            factory.GetToken(call with { Credentials = otherKey.Credentials }),
        };

        tokens.Distinct().Count().ShouldBe(4);
        new JsonWebToken(tokens[1]).GetClaim("bid").Value.ShouldBe("com.example.other");
        factory.GetToken(call).ShouldBe(tokens[0]);
    }

    [Fact]
    public void Invalidate_WhenATokenWasRefused_ShouldMakeANewOneNextTime()
    {
        var factory = new AppStoreTokenFactory(_clock);
        var refused = factory.GetToken(_key.Call());

        factory.Invalidate(refused);

        factory.GetToken(_key.Call()).ShouldNotBe(refused);
    }

    [Fact]
    public void Invalidate_WhenTheTokenWasAlreadyReplaced_ShouldKeepTheNewOne()
    {
        var factory = new AppStoreTokenFactory(_clock);
        var refused = factory.GetToken(_key.Call());
        factory.Invalidate(refused);
        var replacement = factory.GetToken(_key.Call());

        factory.Invalidate(refused);

        factory.GetToken(_key.Call()).ShouldBe(replacement);
    }

    private static IEnumerable<string> PastedForms(string pem) =>
    [
        pem,
        pem.Replace("\n", "\r\n", StringComparison.Ordinal),
        pem.Replace("\n", "", StringComparison.Ordinal),
        pem.Replace("\n", " ", StringComparison.Ordinal),
        pem.Replace("\n", "\\n", StringComparison.Ordinal),
        "\"" + pem.Replace("\n", "\\n", StringComparison.Ordinal) + "\"",
        "  " + pem + "\n\n",
        string.Concat(pem.Split('\n').Where(line => !line.StartsWith("-----", StringComparison.Ordinal))),
    ];

    [Fact]
    public async Task GetToken_WhenThePemIsPastedWithoutLineBreaksOrWithEscapes_ShouldStillSign()
    {
        foreach (var pasted in PastedForms(_key.Pem))
        {
            var call = _key.Call() with { Credentials = _key.Credentials with { PrivateKeyPem = pasted } };

            var token = new AppStoreTokenFactory(_clock).GetToken(call);

            (await _key.ValidateAsync(token)).IsValid.ShouldBeTrue(pasted);
        }
    }

    [Fact]
    public async Task GetToken_WhenTheKeyIsASec1EcPrivateKey_ShouldStillSign()
    {
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(_key.Pem);
        var call = _key.Call() with { Credentials = _key.Credentials with { PrivateKeyPem = ecdsa.ExportECPrivateKeyPem() } };

        var token = new AppStoreTokenFactory(_clock).GetToken(call);

        (await _key.ValidateAsync(token)).IsValid.ShouldBeTrue();
    }

    public static TheoryData<string, string> BadKeys()
    {
        using var rsa = RSA.Create(2048);
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        using var p256 = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var truncated = p256.ExportPkcs8PrivateKeyPem();
        return new TheoryData<string, string>
        {
            { "", "empty" },
            { "   ", "empty" },
            { "-----BEGIN PRIVATE KEY-----\n***not base64***\n-----END PRIVATE KEY-----", "not a PEM key" },
            { "-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----", "not a PEM key" },
            { "-----BEGIN PRIVATE KEY-----\nAAAAAAAAAAAAAAAA\n-----END PRIVATE KEY-----", "not a PKCS#8 EC private key" },
            { truncated[..(truncated.Length / 2)] + "\n-----END PRIVATE KEY-----", "not" },
            { rsa.ExportPkcs8PrivateKeyPem(), "not a PKCS#8 EC private key" },
            { p384.ExportPkcs8PrivateKeyPem(), "P-256" },
        };
    }

    [Theory]
    [MemberData(nameof(BadKeys))]
    public void GetToken_WhenTheKeyIsBad_ShouldThrowInvalidAppStoreKeyWithoutQuotingIt(string pem, string reason)
    {
        var call = _key.Call() with { Credentials = _key.Credentials with { PrivateKeyPem = pem } };

        var exception = Should.Throw<InvalidAppStoreKeyException>(() => new AppStoreTokenFactory(_clock).GetToken(call));

        exception.Message.ShouldContain(reason);
        foreach (var line in pem.Split('\n').Where(line => line.Length > 20 && !line.StartsWith("-----", StringComparison.Ordinal)))
        {
            exception.ToString().ShouldNotContain(line);
        }
    }

    private static List<string> HeaderNames(JsonWebToken jwt)
    {
        var header = System.Text.Json.JsonDocument.Parse(Base64UrlDecode(jwt.EncodedHeader));
        return header.RootElement.EnumerateObject().Select(property => property.Name).ToList();
    }

    private static byte[] Base64UrlDecode(string value) => Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(value);
}
