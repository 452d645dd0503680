using FluentValidation;
using RefundSaver.Domain.Consumption;

namespace RefundSaver.Application.AppStore.Purchases.Commands.ReportPurchase;

internal sealed class ReportPurchaseCommandValidator : AbstractValidator<ReportPurchaseCommand>
{
    public ReportPurchaseCommandValidator()
    {
        RuleFor(command => command.TransactionId)
            .MustBeTransactionId()
            .OverridePropertyName(PurchaseReportRules.TransactionIdField);
        RuleFor(command => command.ConsumptionPercentage.GetValueOr(null))
            .Must(value => PurchaseReportRules.IsPercentage(value!.Value))
            .When(command => command.ConsumptionPercentage.GetValueOr(null) is not null)
            .WithMessage("A percentage from 0 to 100 with at most 3 decimals (50.5 is 50.5 %), or null.")
            .OverridePropertyName("consumption_percentage");
        RuleFor(command => command.DeliveryStatus.GetValueOr(null))
            .Must(value => DeliveryStatusNames.TryParse(value, out _))
            .When(command => command.DeliveryStatus.GetValueOr(null) is not null)
            .WithMessage(command =>
                $"\"{command.DeliveryStatus.Value}\" is not a valid choice. Valid choices: {string.Join(", ", DeliveryStatusNames.All)}, or null.")
            .OverridePropertyName("delivery_status");
    }
}
