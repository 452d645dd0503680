using System.Buffers.Text;
using System.Text;
using RefundSaver.Application.AppStore;

namespace RefundSaver.UnitTests.Application.AppStore;

public sealed class UnverifiedJwsTests
{
    private static string Part(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void TryReadPayload_WhenWellFormed_ShouldReadThePayloadWithoutTrustingIt()
    {
        var jws = $"{Part("""{"alg":"ES256"}""")}.{Part("""{"notificationType":"TEST"}""")}.c2ln";

        UnverifiedJws.TryReadPayload(jws, out var payload).ShouldBeTrue();

        payload.GetProperty("notificationType").GetString().ShouldBe("TEST");
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("a.b")]
    [InlineData("a.b.c.d")]
    [InlineData("!!!.???.sig")]
    public void TryReadPayload_WhenNotThreeBase64UrlParts_ShouldFail(string jws) =>
        UnverifiedJws.TryReadPayload(jws, out _).ShouldBeFalse();

    [Fact]
    public void TryReadPayload_WhenHeaderOrPayloadIsNotAJsonObject_ShouldFail()
    {
        UnverifiedJws.TryReadPayload($"{Part("[1]")}.{Part("{}")}.c2ln", out _).ShouldBeFalse();
        UnverifiedJws.TryReadPayload($"{Part("{} x")}.{Part("{}")}.c2ln", out _).ShouldBeFalse();
        UnverifiedJws.TryReadPayload($"{Part("""{"alg":""")}.{Part("{}")}.c2ln", out _).ShouldBeFalse();
        UnverifiedJws.TryReadPayload($"{Part("{}")}.{Part("not json")}.c2ln", out _).ShouldBeFalse();
        UnverifiedJws.TryReadPayload($"{Part("{}")}.{Part("{}")}.", out _).ShouldBeFalse();
    }
}
