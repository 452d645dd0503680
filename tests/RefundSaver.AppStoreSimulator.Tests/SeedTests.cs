using RefundSaver.AppStoreSimulator.Tests.Infrastructure;

namespace RefundSaver.AppStoreSimulator.Tests;

/// <summary>With Simulator:Seed, the same calls give the same identifiers, run after run.</summary>
public sealed class SeedTests
{
    [Fact]
    public async Task Identifiers_WhenSeedIsSet_ShouldRepeatFromOneStartToTheNext()
    {
        var first = await IdentifiersAsync("7");
        var second = await IdentifiersAsync("7");
        var unseeded = await IdentifiersAsync(null);

        second.ShouldBe(first);
        unseeded.ShouldNotBe(first);
    }

    private static async Task<string[]> IdentifiersAsync(string? seed)
    {
        await using var factory = new SimulatorFactory(new Dictionary<string, string?> { ["Simulator:Seed"] = seed });
        using var client = factory.CreateSimulatorClient();
        var app = await client.CreateAppAsync(bundleId: "com.example.seeded");
        var purchase = await client.PurchaseAsync(app);
        return
        [
            app.IssuerId, app.KeyId, app.AppleAppId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            purchase.GetProperty("transaction_id").GetString()!, purchase.GetProperty("notification_uuid").GetString()!,
        ];
    }
}
