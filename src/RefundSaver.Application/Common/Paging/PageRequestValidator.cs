using FluentValidation;

namespace RefundSaver.Application.Common.Paging;

internal sealed class PageRequestValidator : AbstractValidator<PageRequest>
{
    public PageRequestValidator()
    {
        RuleFor(page => page.Page).GreaterThanOrEqualTo(1).WithMessage("Pages count from 1.");
        RuleFor(page => page.PageSize).InclusiveBetween(1, PageRequest.MaxPageSize)
            .WithMessage($"A page holds 1 to {PageRequest.MaxPageSize} items.");
    }
}
