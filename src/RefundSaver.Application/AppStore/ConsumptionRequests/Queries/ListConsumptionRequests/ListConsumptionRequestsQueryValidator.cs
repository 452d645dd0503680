using FluentValidation;
using RefundSaver.Application.Common.Paging;
using RefundSaver.Domain.AppStore;

namespace RefundSaver.Application.AppStore.ConsumptionRequests.Queries.ListConsumptionRequests;

internal sealed class ListConsumptionRequestsQueryValidator : AbstractValidator<ListConsumptionRequestsQuery>
{
    private static readonly string[] States =
        Enum.GetNames<ConsumptionRequestState>().Select(name => name.ToLowerInvariant()).ToArray();

    public ListConsumptionRequestsQueryValidator()
    {
        RuleFor(query => query.Page).SetValidator(new PageRequestValidator()).OverridePropertyName(string.Empty);
        RuleFor(query => query.State)
            .Must(state => state is null || States.Contains(state))
            .WithMessage($"A state is one of: {string.Join(", ", States)}.");
    }
}
