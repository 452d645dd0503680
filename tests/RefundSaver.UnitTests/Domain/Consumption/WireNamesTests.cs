using RefundSaver.Domain.Consumption;
using RefundSaver.Domain.Profiles;

namespace RefundSaver.UnitTests.Domain.Consumption;

public sealed class WireNamesTests
{
    [Theory]
    [InlineData("always_decline", RefundPolicy.AlwaysDecline)]
    [InlineData("decline_first_then_grant", RefundPolicy.DeclineFirstThenGrant)]
    [InlineData("grant_first_then_decline", RefundPolicy.GrantFirstThenDecline)]
    [InlineData("always_grant", RefundPolicy.AlwaysGrant)]
    [InlineData("no_preference", RefundPolicy.NoPreference)]
    public void RefundPolicyTryParse_WhenWireName_ShouldRoundTrip(string name, RefundPolicy expected)
    {
        RefundPolicyNames.TryParse(name, out var parsed).ShouldBeTrue();

        parsed.ShouldBe(expected);
        expected.ToWire().ShouldBe(name);
    }

    [Theory]
    [InlineData("opt_in", ConsentDefault.OptIn)]
    [InlineData("opt_out", ConsentDefault.OptOut)]
    public void ConsentDefaultTryParse_WhenWireName_ShouldRoundTrip(string name, ConsentDefault expected)
    {
        ConsentDefaultNames.TryParse(name, out var parsed).ShouldBeTrue();

        parsed.ShouldBe(expected);
        expected.ToWire().ShouldBe(name);
    }

    [Theory]
    [InlineData("v2", ConsumptionApiVersion.V2)]
    [InlineData("v1", ConsumptionApiVersion.V1)]
    public void ConsumptionApiVersionTryParse_WhenWireName_ShouldRoundTrip(string name, ConsumptionApiVersion expected)
    {
        ConsumptionApiVersionNames.TryParse(name, out var parsed).ShouldBeTrue();

        parsed.ShouldBe(expected);
        expected.ToWire().ShouldBe(name);
    }

    [Theory]
    [InlineData("grant", RefundPreference.Grant)]
    [InlineData("grant_prorated", RefundPreference.GrantProrated)]
    [InlineData("decline", RefundPreference.Decline)]
    [InlineData("no_preference", RefundPreference.NoPreference)]
    public void RefundPreferenceTryParse_WhenWireName_ShouldRoundTrip(string name, RefundPreference expected)
    {
        RefundPreferenceNames.TryParse(name, out var parsed).ShouldBeTrue();

        parsed.ShouldBe(expected);
        expected.ToWire().ShouldBe(name);
    }

    [Theory]
    [InlineData("delivered", DeliveryStatus.Delivered)]
    [InlineData("quality_issue", DeliveryStatus.QualityIssue)]
    [InlineData("wrong_item", DeliveryStatus.WrongItem)]
    [InlineData("server_outage", DeliveryStatus.ServerOutage)]
    [InlineData("in_game_currency_change", DeliveryStatus.InGameCurrencyChange)]
    [InlineData("other", DeliveryStatus.Other)]
    public void DeliveryStatusTryParse_WhenWireName_ShouldRoundTrip(string name, DeliveryStatus expected)
    {
        DeliveryStatusNames.TryParse(name, out var parsed).ShouldBeTrue();

        parsed.ShouldBe(expected);
        expected.ToWire().ShouldBe(name);
    }

    [Theory]
    [InlineData("active", UserStatus.Active)]
    [InlineData("suspended", UserStatus.Suspended)]
    [InlineData("terminated", UserStatus.Terminated)]
    [InlineData("limited_access", UserStatus.LimitedAccess)]
    public void UserStatusTryParse_WhenWireName_ShouldRoundTrip(string name, UserStatus expected)
    {
        UserStatusNames.TryParse(name, out var parsed).ShouldBeTrue();

        parsed.ShouldBe(expected);
        expected.ToWire().ShouldBe(name);
    }

    [Theory]
    [InlineData("auto_renewable_subscription", ProductType.AutoRenewableSubscription)]
    [InlineData("non_consumable", ProductType.NonConsumable)]
    [InlineData("consumable", ProductType.Consumable)]
    [InlineData("non_renewing_subscription", ProductType.NonRenewingSubscription)]
    public void ProductTypeTryParse_WhenWireName_ShouldRoundTrip(string name, ProductType expected)
    {
        ProductTypeNames.TryParse(name, out var parsed).ShouldBeTrue();

        parsed.ShouldBe(expected);
        expected.ToWire().ShouldBe(name);
    }

    [Theory]
    [InlineData("Auto-Renewable Subscription", ProductType.AutoRenewableSubscription)]
    [InlineData("Non-Consumable", ProductType.NonConsumable)]
    [InlineData("Consumable", ProductType.Consumable)]
    [InlineData("Non-Renewing Subscription", ProductType.NonRenewingSubscription)]
    public void ProductTypeTryParseApple_WhenAppleType_ShouldRoundTrip(string name, ProductType expected)
    {
        ProductTypeNames.TryParseApple(name, out var parsed).ShouldBeTrue();

        parsed.ShouldBe(expected);
        expected.ToApple().ShouldBe(name);
    }

    [Theory]
    [InlineData("consumable")]
    [InlineData("Auto-renewable subscription")]
    [InlineData("NonConsumable")]
    [InlineData("")]
    [InlineData(null)]
    public void ProductTypeTryParseApple_WhenNotExactlyAppleType_ShouldFail(string? name) =>
        ProductTypeNames.TryParseApple(name, out _).ShouldBeFalse();

    [Theory]
    [InlineData("ALWAYS_DECLINE")]
    [InlineData("always-decline")]
    [InlineData(" always_decline")]
    [InlineData("")]
    [InlineData(null)]
    public void RefundPolicyTryParse_WhenNotExactlyAWireName_ShouldFail(string? name)
    {
        RefundPolicyNames.TryParse(name, out var parsed).ShouldBeFalse();

        parsed.ShouldBe(RefundPolicy.AlwaysDecline);
    }

    [Fact]
    public void TryParse_WhenCaseDiffers_ShouldFailForEveryEnum()
    {
        ConsentDefaultNames.TryParse("OPT_OUT", out _).ShouldBeFalse();
        ConsumptionApiVersionNames.TryParse("V1", out _).ShouldBeFalse();
        RefundPreferenceNames.TryParse("Grant_Prorated", out _).ShouldBeFalse();
        DeliveryStatusNames.TryParse("DELIVERED", out _).ShouldBeFalse();
        UserStatusNames.TryParse("Suspended", out _).ShouldBeFalse();
        ProductTypeNames.TryParse("Consumable", out _).ShouldBeFalse();
    }

    [Fact]
    public void Defaults_WhenEnumsAreZero_ShouldBeTheDocumentedDefaults()
    {
        default(RefundPolicy).ShouldBe(RefundPolicy.AlwaysDecline);
        default(ConsentDefault).ShouldBe(ConsentDefault.OptIn);
        default(ConsumptionApiVersion).ShouldBe(ConsumptionApiVersion.V2);
    }

    [Fact]
    public void All_WhenListed_ShouldHoldEveryMemberOnce()
    {
        RefundPolicyNames.All.Count.ShouldBe(Enum.GetValues<RefundPolicy>().Length);
        ConsentDefaultNames.All.Count.ShouldBe(Enum.GetValues<ConsentDefault>().Length);
        ConsumptionApiVersionNames.All.Count.ShouldBe(Enum.GetValues<ConsumptionApiVersion>().Length);
        RefundPreferenceNames.All.Count.ShouldBe(Enum.GetValues<RefundPreference>().Length);
        DeliveryStatusNames.All.Count.ShouldBe(Enum.GetValues<DeliveryStatus>().Length);
        UserStatusNames.All.Count.ShouldBe(Enum.GetValues<UserStatus>().Length);
        ProductTypeNames.All.Count.ShouldBe(Enum.GetValues<ProductType>().Length);
        RefundPolicyNames.All.ShouldBeUnique();
        DeliveryStatusNames.All.ShouldBeUnique();
    }

    [Theory]
    [InlineData(DeliveryStatus.Delivered, 0, "DELIVERED")]
    [InlineData(DeliveryStatus.QualityIssue, 1, "UNDELIVERED_QUALITY_ISSUE")]
    [InlineData(DeliveryStatus.WrongItem, 2, "UNDELIVERED_WRONG_ITEM")]
    [InlineData(DeliveryStatus.ServerOutage, 3, "UNDELIVERED_SERVER_OUTAGE")]
    [InlineData(DeliveryStatus.InGameCurrencyChange, 4, "UNDELIVERED_OTHER")]
    [InlineData(DeliveryStatus.Other, 5, "UNDELIVERED_OTHER")]
    public void DeliveryStatus_WhenSentToApple_ShouldUseV1CodesAndV2Strings(DeliveryStatus status, int v1, string v2)
    {
        status.ToV1Code().ShouldBe(v1);
        status.ToV2().ShouldBe(v2);
    }

    [Theory]
    [InlineData(UserStatus.Active, 1)]
    [InlineData(UserStatus.Suspended, 2)]
    [InlineData(UserStatus.Terminated, 3)]
    [InlineData(UserStatus.LimitedAccess, 4)]
    public void UserStatusToV1Code_WhenSentToApple_ShouldStartAtOne(UserStatus status, int v1) =>
        status.ToV1Code().ShouldBe(v1);

    [Theory]
    [InlineData(RefundPreference.Grant, 1)]
    [InlineData(RefundPreference.GrantProrated, 1)]
    [InlineData(RefundPreference.Decline, 2)]
    [InlineData(RefundPreference.NoPreference, 3)]
    public void RefundPreferenceToV1Code_WhenSentToApple_ShouldGrantProratedAsGrant(RefundPreference preference, int v1) =>
        preference.ToV1Code().ShouldBe(v1);

    [Theory]
    [InlineData(CustomPreference.Grant, RefundPreference.Grant)]
    [InlineData(CustomPreference.Decline, RefundPreference.Decline)]
    [InlineData(CustomPreference.NoPreference, RefundPreference.NoPreference)]
    public void ToRefundPreference_WhenProfilePreference_ShouldMapOneToOne(CustomPreference custom, RefundPreference expected) =>
        custom.ToRefundPreference().ShouldBe(expected);

    [Theory]
    [InlineData(ProductType.AutoRenewableSubscription, true)]
    [InlineData(ProductType.NonRenewingSubscription, true)]
    [InlineData(ProductType.Consumable, false)]
    [InlineData(ProductType.NonConsumable, false)]
    public void IsSubscription_WhenProductType_ShouldBeTrueForBothSubscriptionKinds(ProductType type, bool expected) =>
        type.IsSubscription().ShouldBe(expected);

    [Fact]
    public void ToWire_WhenValueIsUndefined_ShouldThrow()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => ((RefundPolicy)42).ToWire());
        Should.Throw<ArgumentOutOfRangeException>(() => ((DeliveryStatus)42).ToV2());
        Should.Throw<ArgumentOutOfRangeException>(() => ((ProductType)42).ToApple());
    }
}
