using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using RefundSaver.Api.Endpoints;
using RefundSaver.Api.Json;
using RefundSaver.Application.Common.Results;
using RefundSaver.Domain.Common;

namespace RefundSaver.UnitTests.Api;

public sealed class JsonRequestBodyTests
{
    private static HttpRequest Request(string json, bool declareLength = true)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var context = new DefaultHttpContext();
        context.Request.Body = new MemoryStream(bytes);
        context.Request.ContentLength = declareLength ? bytes.Length : null;
        return context.Request;
    }

    /// <summary>Every field of the admin app PATCH, which holds each type of field there is.</summary>
    private static Task<Result<UpdateAppRequest>> ReadAppAsync(string json, bool declareLength = true) =>
        JsonRequestBody.ReadAsync(
            Request(json, declareLength),
            (UpdateAppRequest body, FieldErrors fields) =>
            {
                _ = fields.Check(body.BundleId);
                _ = fields.Check(body.AppleAppId);
                _ = fields.Check(body.Environments);
                _ = fields.Check(body.ExtraTrustedRoots);
                _ = fields.Check(body.AppStoreCredentials);
                _ = fields.Check(body.RefundSaverEnabled);
                _ = fields.Check(body.ConsumptionApiVersion);
                _ = fields.Check(body.RefundPolicy);
                _ = fields.Check(body.ConsentDefault);
                _ = fields.Check(body.SampleContentProvided);
                _ = fields.Check(body.ReviewDelayMinutes);
                _ = fields.Check(body.Rules);
                return body;
            },
            CancellationToken.None);

    private static async Task<Optional<T>> ReadFieldAsync<TBody, T>(string json, Func<TBody, RequestField<T>> field)
        where TBody : class
    {
        var result = await JsonRequestBody.ReadAsync(
            Request(json), (TBody body, FieldErrors fields) => fields.Check(field(body)), CancellationToken.None);
        result.Error.ShouldBeNull();
        return result.Value;
    }

    /// <summary>Asserts that the read failed on that one field alone, with that message.</summary>
    private static void ShouldRejectOnly<T>(Result<T> result, string source, string message)
    {
        var detail = SingleDetail(result);
        detail.Source.ShouldBe(source);
        detail.Messages.ShouldBe([message]);
    }

    private static ErrorDetail SingleDetail<T>(Result<T> result)
    {
        result.IsSuccess.ShouldBeFalse();
        result.Error!.Kind.ShouldBe(ErrorKind.Validation);
        result.Error.Code.ShouldBe("validation_error");
        return result.Error.Details.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task ReadAsync_WhenFieldIsLeftOut_ShouldReadItAsUnset()
    {
        var consent = await ReadFieldAsync("""{"custom_preference": "grant"}""", (SetRefundSaverSettingsRequest body) => body.Consent);

        consent.HasValue.ShouldBeFalse();
    }

    [Fact]
    public async Task ReadAsync_WhenFieldIsNull_ShouldReadAnExplicitNull()
    {
        var consent = await ReadFieldAsync("""{"consent": null}""", (SetRefundSaverSettingsRequest body) => body.Consent);

        consent.HasValue.ShouldBeTrue();
        consent.Value.ShouldBeNull();
    }

    [Fact]
    public async Task ReadAsync_WhenValuesHaveTheirTypes_ShouldReadEachOne()
    {
        var token = Guid.NewGuid();

        (await ReadFieldAsync("""{"consent": false}""", (SetRefundSaverSettingsRequest body) => body.Consent)).Value.ShouldBe(false);
        (await ReadFieldAsync("""{"custom_preference": "grant"}""", (SetRefundSaverSettingsRequest body) => body.CustomPreference))
            .Value.ShouldBe("grant");
        (await ReadFieldAsync($$"""{"app_account_token": "{{token}}"}""", (ProfileDetailsRequest body) => body.AppAccountToken))
            .Value.ShouldBe(token);
        (await ReadFieldAsync("""{"play_time_seconds": 3600}""", (ReportUsageRequest body) => body.PlayTimeSeconds)).Value.ShouldBe(3600);
        (await ReadFieldAsync("""{"consumption_percentage": 50.5}""", (ReportPurchaseRequest body) => body.ConsumptionPercentage))
            .Value.ShouldBe(50.5m);
        (await ReadFieldAsync("""{"environments": ["Sandbox", "Production"]}""", (UpdateAppRequest body) => body.Environments))
            .Value.ShouldBe(["Sandbox", "Production"]);
        (await ReadFieldAsync("""{"app_store_credentials": {"key_id": "K1"}}""", (UpdateAppRequest body) => body.AppStoreCredentials))
            .Value!.KeyId.ShouldBe("K1");
        (await ReadFieldAsync("""{"rules": [{"when": {"min_tenure_days": 3}, "preference": "decline"}]}""", (UpdateAppRequest body) => body.Rules))
            .Value.ShouldHaveSingleItem()!.When!.MinTenureDays.ShouldBe(3);
        (await ReadFieldAsync("""{"signedPayload": "a.b.c"}""", (AppStoreNotificationRequest body) => body.SignedPayload)).Value.ShouldBe("a.b.c");
    }

    [Theory]
    [InlineData("""{"bundle_id": 5}""", "bundle_id", "Not a valid string. Got a number.")]
    [InlineData("""{"bundle_id": true}""", "bundle_id", "Not a valid string. Got a boolean.")]
    [InlineData("""{"bundle_id": {"a": [1]}}""", "bundle_id", "Not a valid string. Got an object.")]
    [InlineData("""{"refund_saver_enabled": "true"}""", "refund_saver_enabled", "Must be a valid boolean. Got a string.")]
    [InlineData("""{"refund_saver_enabled": 1}""", "refund_saver_enabled", "Must be a valid boolean. Got a number.")]
    [InlineData("""{"refund_saver_enabled": []}""", "refund_saver_enabled", "Must be a valid boolean. Got an array.")]
    [InlineData("""{"apple_app_id": "5"}""", "apple_app_id", "A valid integer is required. Got a string.")]
    [InlineData("""{"apple_app_id": false}""", "apple_app_id", "A valid integer is required. Got a boolean.")]
    [InlineData("""{"environments": "Sandbox"}""", "environments", "Expected a list of strings. Got a string.")]
    [InlineData("""{"environments": {}}""", "environments", "Expected a list of strings. Got an object.")]
    [InlineData("""{"app_store_credentials": []}""", "app_store_credentials", "Expected an object. Got an array.")]
    [InlineData("""{"app_store_credentials": "key"}""", "app_store_credentials", "Expected an object. Got a string.")]
    [InlineData("""{"rules": {}}""", "rules", "Expected a list. Got an object.")]
    [InlineData("""{"rules": 1}""", "rules", "Expected a list. Got a number.")]
    public async Task ReadAsync_WhenValueIsOfAnotherJsonKind_ShouldNameTheFieldAndWhatItGot(string json, string field, string message) =>
        ShouldRejectOnly(await ReadAppAsync(json), field, message);

    [Fact]
    public async Task ReadAsync_WhenUuidOrDecimalIsOfAnotherJsonKind_ShouldSayWhatItExpected()
    {
        var uuid = await JsonRequestBody.ReadAsync(
            Request("""{"app_account_token": 5}"""),
            (ProfileDetailsRequest body, FieldErrors fields) => fields.Check(body.AppAccountToken),
            CancellationToken.None);
        var percentage = await JsonRequestBody.ReadAsync(
            Request("""{"consumption_percentage": "50"}"""),
            (ReportPurchaseRequest body, FieldErrors fields) => fields.Check(body.ConsumptionPercentage),
            CancellationToken.None);

        ShouldRejectOnly(uuid, "app_account_token", "Must be a valid UUID. Got a number.");
        ShouldRejectOnly(percentage, "consumption_percentage", "A valid number is required. Got a string.");
    }

    [Theory]
    [InlineData("""{"apple_app_id": 1.5}""", "apple_app_id")]
    [InlineData("""{"apple_app_id": 1e3}""", "apple_app_id")]
    [InlineData("""{"apple_app_id": 99999999999999999999}""", "apple_app_id")]
    [InlineData("""{"environments": ["Sandbox", 1]}""", "environments")]
    [InlineData("""{"environments": ["Sandbox", ["Production"]]}""", "environments")]
    [InlineData("""{"environments": [null]}""", "environments")]
    public async Task ReadAsync_WhenValueIsOfTheKindButDoesNotFit_ShouldSayItIsNotValid(string json, string field) =>
        ShouldRejectOnly(await ReadAppAsync(json), field, "Not a valid value for this field.");

    [Fact]
    public async Task ReadAsync_WhenUuidDoesNotParse_ShouldSayItIsNotValid()
    {
        var result = await JsonRequestBody.ReadAsync(
            Request("""{"app_account_token": "not-a-uuid"}"""),
            (ProfileDetailsRequest body, FieldErrors fields) => fields.Check(body.AppAccountToken),
            CancellationToken.None);

        ShouldRejectOnly(result, "app_account_token", "Not a valid value for this field.");
    }

    [Theory]
    [InlineData(
        """{"rules": [{"when": {"min_tenure_days": "x"}, "preference": "grant"}]}""",
        "rules",
        "Not a valid value at $[0].when.min_tenure_days: The JSON value could not be converted to System.Nullable`1[System.Int32].")]
    [InlineData(
        """{"rules": [{"when": {"bogus": 1}, "preference": "grant"}]}""",
        "rules",
        "Not a valid value at $[0].when.bogus: The JSON property 'bogus' could not be mapped to any .NET member contained in type 'RefundSaver.Application.Apps.Rules.RuleConditionsDto'.")]
    [InlineData(
        """{"app_store_credentials": {"key_id": 5}}""",
        "app_store_credentials",
        "Not a valid value at $.key_id: The JSON value could not be converted to RefundSaver.Application.Apps.Commands.UpdateApp.AppStoreCredentialsInput.")]
    public async Task ReadAsync_WhenNestedValueDoesNotFit_ShouldNameThePlaceInIt(string json, string field, string message) =>
        ShouldRejectOnly(await ReadAppAsync(json), field, message);

    [Fact]
    public async Task ReadAsync_WhenSeveralFieldsHaveWrongTypes_ShouldReportEveryOneInTheOrderTheyAreTaken()
    {
        var result = await ReadAppAsync("""{"rules": {}, "bundle_id": 5, "unknown": "ignored", "apple_app_id": "x", "refund_saver_enabled": "yes"}""");

        result.IsSuccess.ShouldBeFalse();
        result.Error!.Details.Select(detail => detail.Source).ShouldBe(["bundle_id", "apple_app_id", "refund_saver_enabled", "rules"]);
    }

    [Fact]
    public async Task ReadAsync_WhenFieldIsRepeated_ShouldTakeTheLastOne()
    {
        var delay = await ReadFieldAsync("""{"review_delay_minutes": "x", "review_delay_minutes": 10}""", (UpdateAppRequest body) => body.ReviewDelayMinutes);

        delay.Value.ShouldBe(10);
    }

    [Fact]
    public async Task ReadAsync_WhenUnknownFieldsAreSent_ShouldIgnoreThem()
    {
        var consent = await ReadFieldAsync(
            """{"extra": {"deep": [1, {"x": null}]}, "Consent": "case matters", "consent": true}""",
            (SetRefundSaverSettingsRequest body) => body.Consent);

        consent.Value.ShouldBe(true);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    public async Task ReadAsync_WhenBodyIsEmpty_ShouldReadEveryFieldAsLeftOut(string json)
    {
        var consent = await ReadFieldAsync(json, (SetRefundSaverSettingsRequest body) => body.Consent);

        consent.HasValue.ShouldBeFalse();
    }

    [Theory]
    [InlineData("{")]
    [InlineData(" ")]
    [InlineData("""{"consent": tru}""")]
    [InlineData("{} x")]
    [InlineData("""{"a": 1,}""")]
    [InlineData("\uFEFF{}")]
    public async Task ReadAsync_WhenBodyIsMalformed_ShouldAnswerTheJsonParsersReason(string json)
    {
        var expected = Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(Encoding.UTF8.GetBytes(json))).Message;

        var result = await ReadAppAsync(json);

        ShouldRejectOnly(result, Error.WholeRequest, $"JSON parse error - {expected}");
    }

    [Theory]
    [InlineData("""{"bundle_id": "a\u0000b"}""", "bundle_id")]
    [InlineData("""{"environments": ["\u0000"]}""", "environments")]
    [InlineData("""{"app_store_credentials": {"issuer_id": "\u0000"}}""", "app_store_credentials")]
    [InlineData("""{"rules": [{"when": {"storefronts": ["US\u0000"]}, "preference": "decline"}]}""", "rules")]
    [InlineData("""{"\u0000": 1}""", Error.WholeRequest)]
    public async Task ReadAsync_WhenAStringHoldsANullCharacter_ShouldRejectThatField(string json, string field) =>
        ShouldRejectOnly(await ReadAppAsync(json), field, "Null characters are not allowed.");

    [Theory]
    [InlineData("""{"bundle_id": "a\\u0000b"}""")]
    [InlineData("""{"bundle_id": "\\u0000"}""")]
    public async Task ReadAsync_WhenABackslashIsFollowedByU0000AsText_ShouldReadIt(string json) =>
        (await ReadAppAsync(json)).IsSuccess.ShouldBeTrue();

    [Fact]
    public async Task ReadAsync_WhenStringHoldsHalfASurrogatePair_ShouldAnswerAParseError()
    {
        var detail = SingleDetail(await ReadAppAsync("""{"bundle_id": "\ud800"}"""));

        detail.Source.ShouldBe(Error.WholeRequest);
        detail.Messages.ShouldHaveSingleItem().ShouldStartWith("JSON parse error - Cannot read incomplete UTF-16 JSON text");
    }

    [Theory]
    [InlineData("[]", "an array")]
    [InlineData("null", "null")]
    [InlineData("\"consent\"", "a string")]
    [InlineData("1", "a number")]
    [InlineData("true", "a boolean")]
    public async Task ReadAsync_WhenBodyIsNotAnObject_ShouldSayWhatItGot(string json, string got) =>
        ShouldRejectOnly(await ReadAppAsync(json), Error.WholeRequest, $"Invalid data. Expected a JSON object, but got {got}.");

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ReadAsync_WhenBodyIsLargerThanTheLimit_ShouldAnswerTooLarge(bool declareLength)
    {
        var json = $$"""{"bundle_id": "{{new string('x', JsonRequestBody.MaxBytes)}}"}""";

        var result = await ReadAppAsync(json, declareLength);

        result.IsSuccess.ShouldBeFalse();
        result.Error!.Kind.ShouldBe(ErrorKind.TooLarge);
        result.Error.Code.ShouldBe("request_too_large");
    }

    [Fact]
    public async Task ReadAsync_WhenBodyIsExactlyTheLimit_ShouldReadIt()
    {
        const string Start = """{"bundle_id": """;
        var json = Start + '"' + new string('x', JsonRequestBody.MaxBytes - Start.Length - 3) + "\"}";

        var bundleId = await ReadFieldAsync(json, (UpdateAppRequest body) => body.BundleId);

        Encoding.UTF8.GetByteCount(json).ShouldBe(JsonRequestBody.MaxBytes);
        bundleId.Value!.Length.ShouldBe(JsonRequestBody.MaxBytes - Start.Length - 3);
    }
}
