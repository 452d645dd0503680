using FluentValidation;

namespace RefundSaver.Application.AppStore.Purchases.Queries.GetPurchaseReport;

internal sealed class GetPurchaseReportQueryValidator : AbstractValidator<GetPurchaseReportQuery>
{
    public GetPurchaseReportQueryValidator() =>
        RuleFor(query => query.TransactionId).MustBeTransactionId();
}
