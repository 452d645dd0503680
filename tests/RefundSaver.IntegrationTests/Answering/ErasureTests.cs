using System.Net;
using System.Text.Json.Nodes;
using Npgsql;
using RefundSaver.Application.AppStore.Dispatching;
using RefundSaver.IntegrationTests.Infrastructure;

namespace RefundSaver.IntegrationTests.Answering;

/// <summary>Deleting a profile erases the customer everywhere, and an erased customer's purchases are never answered for.</summary>
public sealed class ErasureTests(RealServersFixture servers) : AnsweringTest(servers)
{
    private const string ProfilePath = "/api/v2/server-side-api/profile/";

    [Fact]
    public async Task DeleteProfile_WhenTheCustomerHadAnAnsweredRefundRequest_ShouldLeaveTheirTokenAndUserIdInNoColumn()
    {
        var app = await CreateAppAsync(apiVersion: "v1", settings: new JsonObject { ["refund_policy"] = "always_grant" }); // v1 bodies carry the token
        var customerUserId = "erasable-" + Guid.NewGuid().ToString("N")[..12];
        var profileId = await CreateCustomerAsync(app, consent: true, customerUserId);
        var transactionId = await BuyAndAskForRefundAsync(app, profileId);
        StateOf(await WaitForFinalAsync(app.Id, transactionId)).ShouldBe("answered");
        var before = await ColumnsHoldingAsync(profileId.ToString(), customerUserId);

        await DeleteAsync(app, customerUserId);

        var found = string.Join(", ", before);
        before.ShouldContain("app_store_transactions.app_account_token", found);
        before.ShouldContain("notifications.payload", found);
        before.ShouldContain("consumption_requests.body", found);
        before.ShouldContain("consumption_attempts.body", found);
        before.ShouldContain("profiles.customer_user_id", found);
        (await ColumnsHoldingAsync(profileId.ToString(), customerUserId)).ShouldBeEmpty();
        var request = await FindRequestAsync(app.Id, transactionId);
        StateOf(request!).ShouldBe("answered", "the request's own record (not personal) stays");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task RefundRequest_WhenTheProfileWasDeletedAndTheDefaultIsOptOut_ShouldBeSkippedAsErasedWithNoCallToApple(bool deletedBeforePurchase)
    {
        var app = await CreateAppAsync(settings: new JsonObject { ["consent_default"] = "opt_out" });
        var customerUserId = "erased-" + Guid.NewGuid().ToString("N")[..12];
        var profileId = await CreateCustomerAsync(app, consent: null, customerUserId);
        string transactionId;
        if (deletedBeforePurchase)
        {
            await DeleteAsync(app, customerUserId);
            transactionId = await BuyAndAskForRefundAsync(app, profileId);
        }
        else
        {
            transactionId = await Apple.BuyAsync(app.Apple, profileId);
            await Eventually.UntilAsync(
                () => ColumnsHoldingAsync(profileId.ToString()),
                columns => columns.Contains("app_store_transactions.app_account_token"),
                "the purchase to reach the ledger");
            await DeleteAsync(app, customerUserId);
            await Apple.RequestRefundAsync(transactionId, "UNINTENDED_PURCHASE");
        }

        var request = await WaitForFinalAsync(app.Id, transactionId);

        StateOf(request).ShouldBe("skipped", request.ToJsonString());
        StringOf(request["state_reason"]).ShouldBe(DispatchPlanner.ErasedReason);
        request["profile_id"].ShouldBeNull();
        (await DetailAsync(app.Id, request))["attempt_log"]!.AsArray().ShouldBeEmpty();
        (await Apple.ConsumptionCallsAsync(transactionId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task RefundRequest_WhenAnotherCustomerWithoutAProfileAsksAndTheDefaultIsOptOut_ShouldStillBeAnswered()
    {
        var app = await CreateAppAsync(settings: new JsonObject { ["consent_default"] = "opt_out" });
        var customerUserId = "erased-" + Guid.NewGuid().ToString("N")[..12];
        await CreateCustomerAsync(app, consent: null, customerUserId);
        await DeleteAsync(app, customerUserId);

        var transactionId = await BuyAndAskForRefundAsync(app, Guid.NewGuid());
        var request = await WaitForFinalAsync(app.Id, transactionId);

        StateOf(request).ShouldBe("answered", request.ToJsonString());
        (await Apple.ConsumptionCallsAsync(transactionId)).Count.ShouldBe(1);
    }

    private static async Task DeleteAsync(ConfiguredApp app, string customerUserId)
    {
        using var deleted = await app.Backend.SendAsync(BackendRequest(HttpMethod.Delete, ProfilePath, "{}", customerUserId));
        deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent, await deleted.Content.ReadAsStringAsync());
    }

    /// <summary>Every text, JSON and UUID column of every table (from information_schema) that holds any of <paramref name="values"/>, as table.column.</summary>
    private async Task<List<string>> ColumnsHoldingAsync(params string[] values)
    {
        await using var connection = new NpgsqlConnection(Api.DatabaseConnectionString);
        await connection.OpenAsync();
        List<(string Table, string Column)> columns = [];
        await using (var list = new NpgsqlCommand(
            """
            SELECT table_name, column_name FROM information_schema.columns
            WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'uuid', 'bytea')
            ORDER BY table_name, column_name
            """,
            connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                columns.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        List<string> holding = [];
        foreach (var (table, column) in columns)
        {
            await using var search = new NpgsqlCommand(
                $"SELECT EXISTS (SELECT 1 FROM \"{table}\" WHERE \"{column}\"::text ILIKE ANY ($1))", connection);
            search.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. values.Select(value => $"%{value}%")] });
            if ((bool)(await search.ExecuteScalarAsync())!)
            {
                holding.Add($"{table}.{column}");
            }
        }

        return holding;
    }
}
