using FluentValidation;

namespace RefundSaver.Application.AppStore.Purchases;

/// <summary>The input rules that the report and its query share.</summary>
internal static class PurchaseReportRules
{
    /// <summary>Apple counts consumption in thousandths of a percent (0–100000); the API speaks percent.</summary>
    public const decimal ThousandthsPerPercent = 1000m;

    /// <summary>
    /// An App Store transaction id: required, at most 64 digits and letters (the column's size). The pattern
    /// ends in <c>\z</c>, because <c>$</c> would also match before a trailing newline.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> MustBeTransactionId<T>(this IRuleBuilderInitial<T, string?> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("This field is required.")
            .MaximumLength(64)
            .Matches(@"^[0-9A-Za-z]+\z").WithMessage("An App Store transaction id holds only digits and letters.");

    /// <summary>A percent from 0 to 100 that is a whole number of thousandths, so that it is stored exactly.</summary>
    public static bool IsPercentage(decimal percent) =>
        percent is >= 0m and <= 100m && decimal.Round(percent, 3) == percent;

    public static int ToThousandths(decimal percent) => decimal.ToInt32(percent * ThousandthsPerPercent);
}
