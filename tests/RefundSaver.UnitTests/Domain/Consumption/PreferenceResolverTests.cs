using RefundSaver.Domain.Consumption;
using RefundSaver.Domain.Profiles;

namespace RefundSaver.UnitTests.Domain.Consumption;

public sealed class PreferenceResolverTests
{
    private static readonly RuleFacts Facts = new()
    {
        Reason = "UNSATISFIED_WITH_PURCHASE",
        ProductType = ProductType.Consumable,
        Storefront = "FRA",
        ConsumptionPercent = 80m,
    };

    [Theory]
    [InlineData(RefundPolicy.AlwaysDecline, RefundPreference.Decline)]
    [InlineData(RefundPolicy.AlwaysGrant, RefundPreference.Grant)]
    [InlineData(RefundPolicy.NoPreference, RefundPreference.NoPreference)]
    public void Resolve_WhenOnlyAFixedPolicy_ShouldFollowIt(RefundPolicy policy, RefundPreference expected)
    {
        var decision = PreferenceResolver.Resolve(new PreferenceInputs
        {
            Policy = policy,
            EarlierRequestsForTransaction = 3,
            EarlierRequestsForCustomer = 7,
        });

        decision.ShouldBe(new PreferenceDecision(expected, "policy " + policy.ToWire()));
    }

    [Fact]
    public void Resolve_WhenNothingConfigured_ShouldDeclineByTheDefaultPolicy() =>
        PreferenceResolver.Resolve(new PreferenceInputs())
            .ShouldBe(new PreferenceDecision(RefundPreference.Decline, "policy always_decline"));

    [Theory]
    [InlineData(0, 0, RefundPreference.Decline)]
    [InlineData(0, 5, RefundPreference.Decline)]
    [InlineData(1, 5, RefundPreference.Grant)]
    [InlineData(2, 2, RefundPreference.Grant)]
    public void Resolve_WhenDeclineFirstThenGrant_ShouldCountRequestsForTheTransactionOnly(
        int earlierForTransaction, int earlierForCustomer, RefundPreference expected)
    {
        var decision = PreferenceResolver.Resolve(new PreferenceInputs
        {
            Policy = RefundPolicy.DeclineFirstThenGrant,
            EarlierRequestsForTransaction = earlierForTransaction,
            EarlierRequestsForCustomer = earlierForCustomer,
        });

        decision.ShouldBe(new PreferenceDecision(expected, "policy decline_first_then_grant"));
    }

    [Theory]
    [InlineData(0, 0, RefundPreference.Grant)]
    [InlineData(0, 1, RefundPreference.Decline)]
    [InlineData(0, 4, RefundPreference.Decline)]
    [InlineData(1, 1, RefundPreference.Decline)]
    public void Resolve_WhenGrantFirstThenDecline_ShouldCountRequestsFromTheCustomer(
        int earlierForTransaction, int earlierForCustomer, RefundPreference expected)
    {
        var decision = PreferenceResolver.Resolve(new PreferenceInputs
        {
            Policy = RefundPolicy.GrantFirstThenDecline,
            EarlierRequestsForTransaction = earlierForTransaction,
            EarlierRequestsForCustomer = earlierForCustomer,
        });

        decision.ShouldBe(new PreferenceDecision(expected, "policy grant_first_then_decline"));
    }

    [Fact]
    public void Resolve_WhenSeveralRulesMatch_ShouldTakeTheFirstMatchingInOrder()
    {
        var decision = PreferenceResolver.Resolve(new PreferenceInputs
        {
            Policy = RefundPolicy.AlwaysDecline,
            Facts = Facts,
            Rules =
            [
                new PreferenceRule(new RuleConditions { Storefronts = ["USA"] }, RefundPreference.Grant),
                new PreferenceRule(new RuleConditions { MinConsumptionPercent = 50m }, RefundPreference.GrantProrated),
                new PreferenceRule(RuleConditions.Always, RefundPreference.NoPreference),
            ],
        });

        decision.ShouldBe(new PreferenceDecision(RefundPreference.GrantProrated, "rule 2"));
    }

    [Fact]
    public void Resolve_WhenARulesFactIsUnknown_ShouldSkipThatRule()
    {
        var decision = PreferenceResolver.Resolve(new PreferenceInputs
        {
            Facts = Facts,
            Rules =
            [
                new PreferenceRule(new RuleConditions { MaxLifetimeRefundedUsd = 100m }, RefundPreference.Grant),
                new PreferenceRule(new RuleConditions { Reasons = ["UNSATISFIED_WITH_PURCHASE"] }, RefundPreference.NoPreference),
            ],
        });

        decision.ShouldBe(new PreferenceDecision(RefundPreference.NoPreference, "rule 2"));
    }

    [Fact]
    public void Resolve_WhenARuleHasNoConditions_ShouldMatchAndBeatThePolicy()
    {
        var decision = PreferenceResolver.Resolve(new PreferenceInputs
        {
            Policy = RefundPolicy.AlwaysGrant,
            Facts = RuleFacts.Unknown,
            Rules = [new PreferenceRule(RuleConditions.Always, RefundPreference.Decline)],
        });

        decision.ShouldBe(new PreferenceDecision(RefundPreference.Decline, "rule 1"));
    }

    [Fact]
    public void Resolve_WhenNoRuleMatches_ShouldFallBackToThePolicy()
    {
        var decision = PreferenceResolver.Resolve(new PreferenceInputs
        {
            Policy = RefundPolicy.AlwaysGrant,
            Facts = Facts,
            Rules =
            [
                new PreferenceRule(new RuleConditions { ProductTypes = [ProductType.AutoRenewableSubscription] }, RefundPreference.Decline),
                new PreferenceRule(new RuleConditions { MaxConsumptionPercent = 10m }, RefundPreference.Decline),
            ],
        });

        decision.ShouldBe(new PreferenceDecision(RefundPreference.Grant, "policy always_grant"));
    }

    [Theory]
    [InlineData(CustomPreference.Grant, RefundPreference.Grant)]
    [InlineData(CustomPreference.Decline, RefundPreference.Decline)]
    [InlineData(CustomPreference.NoPreference, RefundPreference.NoPreference)]
    public void Resolve_WhenTheProfileHasAPreference_ShouldBeatRulesAndPolicy(CustomPreference custom, RefundPreference expected)
    {
        var decision = PreferenceResolver.Resolve(new PreferenceInputs
        {
            ProfilePreference = custom,
            Policy = RefundPolicy.DeclineFirstThenGrant,
            Facts = Facts,
            Rules = [new PreferenceRule(RuleConditions.Always, RefundPreference.GrantProrated)],
        });

        decision.ShouldBe(new PreferenceDecision(expected, "profile"));
    }

    [Fact]
    public void Resolve_WhenPolicyIsUndefined_ShouldThrow() =>
        Should.Throw<ArgumentOutOfRangeException>(() => PreferenceResolver.Resolve(new PreferenceInputs { Policy = (RefundPolicy)42 }));
}
