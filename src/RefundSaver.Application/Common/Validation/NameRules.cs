using FluentValidation;

namespace RefundSaver.Application.Common.Validation;

internal static class NameRules
{
    /// <summary>One of <paramref name="names"/> (a setting's wire names), which the message lists.</summary>
    public static IRuleBuilderOptions<T, string?> MustBeOneOf<T>(this IRuleBuilder<T, string?> rule, IReadOnlyList<string> names) =>
        rule.Must(names.Contains).WithMessage($"Must be one of: {string.Join(", ", names)}.");
}
