using System.Net;
using Npgsql;
using RefundSaver.IntegrationTests.Infrastructure;
using RefundSaver.TestSupport;

namespace RefundSaver.IntegrationTests.Answering;

/// <summary>An app's App Store key is sealed at rest and bound to its app, issuer id and key id.</summary>
public sealed class SealedCredentialsTests(RealServersFixture servers) : AnsweringTest(servers)
{
    [Fact]
    public async Task TestNotification_WhenTheSealedKeyWasCopiedFromAnotherAppsRow_ShouldAnswerUnreadableCredentialsNot500()
    {
        var source = await CreateAppAsync();
        var target = await CreateAppAsync();
        await ExecuteAsync(
            "UPDATE apps SET app_store_private_key_protected = (SELECT app_store_private_key_protected FROM apps WHERE id = $1) WHERE id = $2",
            source.Id,
            target.Id);

        using var response = await Admin.PostAsync($"/admin/api/apps/{target.Id}/test-notification", content: null);
        var body = await ReadJsonAsync(response);

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, body.ToJsonString());
        StringOf(body["error_code"]).ShouldBe("app_store_credentials_unreadable");
        using var own = await Admin.PostAsync($"/admin/api/apps/{source.Id}/test-notification", content: null);
        own.StatusCode.ShouldBe(HttpStatusCode.OK, await own.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RefundRequest_WhenTheKeyIsSealedInTheOldUnboundFormat_ShouldBeAnsweredAndTheKeySealedAgainBound()
    {
        var app = await CreateAppAsync();
        // The key as UpdateApp stores it: escaped newlines made real, trimmed.
        var pem = app.Apple.PrivateKeyPem.Replace("\\n", "\n", StringComparison.Ordinal).Trim();
        var oldValue = UnboundCredentials.Seal(Api.Settings["AppStore:CredentialsKey"]!, pem);
        await ExecuteAsync("UPDATE apps SET app_store_private_key_protected = $2 WHERE id = $1", app.Id, oldValue);
        var profileId = await CreateCustomerAsync(app, consent: true);

        var transactionId = await BuyAndAskForRefundAsync(app, profileId);
        var request = await WaitForFinalAsync(app.Id, transactionId);

        StateOf(request).ShouldBe("answered", request.ToJsonString());
        var stored = await SealedKeyAsync(app.Id);
        stored.ShouldStartWith("v2:");
        stored.ShouldNotBe(oldValue);
        using var testNotification = await Admin.PostAsync($"/admin/api/apps/{app.Id}/test-notification", content: null);
        testNotification.StatusCode.ShouldBe(HttpStatusCode.OK, await testNotification.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AppsTable_WhenAKeyWasGiven_ShouldHoldNoPemOrPrivateKeyText()
    {
        var app = await CreateAppAsync();
        var pemBody = app.Apple.PrivateKeyPem.Split('\n', StringSplitOptions.TrimEntries)
            .Where(line => line.Length > 0 && !line.StartsWith("-----", StringComparison.Ordinal))
            .ToList();

        await using var connection = new NpgsqlConnection(Api.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT row_to_json(a)::text FROM apps a WHERE id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = app.Id });
        var row = (string)(await command.ExecuteScalarAsync())!;

        pemBody.ShouldNotBeEmpty();
        row.ShouldContain("app_store_private_key_protected");
        row.ShouldNotContain("PRIVATE KEY");
        row.ShouldNotContain("-----BEGIN");
        pemBody.ShouldAllBe(line => !row.Contains(line));
    }

    private async Task<string> SealedKeyAsync(Guid appId)
    {
        await using var connection = new NpgsqlConnection(Api.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT app_store_private_key_protected FROM apps WHERE id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = appId });
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private async Task ExecuteAsync(string sql, Guid first, object second)
    {
        await using var connection = new NpgsqlConnection(Api.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = first });
        command.Parameters.Add(new NpgsqlParameter { Value = second });
        (await command.ExecuteNonQueryAsync()).ShouldBe(1);
    }
}
