using FluentValidation;

namespace RefundSaver.Application.Profiles.Queries.GetUsage;

internal sealed class GetUsageQueryValidator : AbstractValidator<GetUsageQuery>
{
    public GetUsageQueryValidator() => Include(new ProfileSelectorValidator<GetUsageQuery>());
}
