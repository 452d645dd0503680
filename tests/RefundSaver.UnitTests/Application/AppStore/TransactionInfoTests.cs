using System.Text.Json;
using RefundSaver.Application.AppStore;
using RefundSaver.Domain.AppStore;

namespace RefundSaver.UnitTests.Application.AppStore;

public sealed class TransactionInfoTests
{
    [Fact]
    public void From_WhenAppleTransactionPayload_ShouldKeepTheLedgerFields()
    {
        var token = Guid.NewGuid();
        var info = TransactionInfo.From(JsonDocument.Parse($$"""
            {"transactionId":"2000000111","originalTransactionId":"2000000100","bundleId":"com.example.game",
             "productId":"coins.100","type":"Consumable","price":4990,"currency":"EUR","purchaseDate":1795300000000,
             "revocationDate":1795310000000,"revocationReason":1,"appAccountToken":"{{token}}","storefront":"FRA",
             "offerType":2,"offerDiscountType":"PAY_AS_YOU_GO","environment":"Production","signedDate":1795310000500}
            """).RootElement);

        info.ShouldNotBeNull();
        info.TransactionId.ShouldBe("2000000111");
        info.OriginalTransactionId.ShouldBe("2000000100");
        info.Price.ShouldBe(4990);
        info.Currency.ShouldBe("EUR");
        info.PurchaseDate.ShouldBe(DateTimeOffset.FromUnixTimeMilliseconds(1795300000000));
        info.ExpiresDate.ShouldBeNull();
        info.RevocationReason.ShouldBe(1);
        info.AppAccountToken.ShouldBe(token);
        info.OfferType.ShouldBe(2);
        info.Environment.ShouldBe(AppStoreEnvironment.Production);
    }

    [Fact]
    public void From_WhenOriginalIdMissing_ShouldUseTheTransactionsOwn()
    {
        var info = TransactionInfo.From(JsonDocument.Parse("""{"transactionId":"42"}""").RootElement);

        info!.OriginalTransactionId.ShouldBe("42");
        info.AppAccountToken.ShouldBeNull();
    }

    [Fact]
    public void From_WhenNoTransactionId_ShouldBeNull() =>
        TransactionInfo.From(JsonDocument.Parse("""{"productId":"x"}""").RootElement).ShouldBeNull();
}
