using FluentValidation;
using RefundSaver.Domain.Consumption;

namespace RefundSaver.Application.AppStore.Purchases.Commands.ReportPurchase;

internal sealed class ReportPurchaseCommandValidator : AbstractValidator<ReportPurchaseCommand>
{
    public ReportPurchaseCommandValidator()
    {
        RuleFor(command => command.TransactionId).MustBeTransactionId();
        When(command => command.ConsumptionPercentage is { HasValue: true, Value: not null }, () =>
            RuleFor(command => command.ConsumptionPercentage.Value)
                .Must(value => PurchaseReportRules.IsPercentage(value!.Value))
                .WithMessage("A percentage from 0 to 100 with at most 3 decimals (50.5 is 50.5 %), or null."));
        When(command => command.DeliveryStatus is { HasValue: true, Value: not null }, () =>
            RuleFor(command => command.DeliveryStatus.Value)
                .Must(value => DeliveryStatusNames.TryParse(value, out _))
                .WithMessage(command =>
                    $"\"{command.DeliveryStatus.Value}\" is not a valid choice. Valid choices: {string.Join(", ", DeliveryStatusNames.All)}, or null."));
    }
}
