using FluentValidation;

namespace RefundSaver.Application.Profiles.Queries.GetProfile;

internal sealed class GetProfileQueryValidator : AbstractValidator<GetProfileQuery>
{
    public GetProfileQueryValidator() => Include(new ProfileSelectorValidator<GetProfileQuery>());
}
