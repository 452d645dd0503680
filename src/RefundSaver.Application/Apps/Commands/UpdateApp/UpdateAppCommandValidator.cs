using System.Security.Cryptography;
using FluentValidation;
using FluentValidation.Results;
using RefundSaver.Application.Common.Validation;
using RefundSaver.Application.Apps.Rules;
using RefundSaver.Application.AppStore;
using RefundSaver.Domain.AppStore;
using RefundSaver.Domain.Consumption;

namespace RefundSaver.Application.Apps.Commands.UpdateApp;

internal sealed class UpdateAppCommandValidator : AbstractValidator<UpdateAppCommand>
{
    /// <summary>Apple answers within 12 hours of the request; a hold leaves an hour to send.</summary>
    public const int MaxReviewDelayMinutes = 11 * 60;

    private const string MustBeTrueOrFalse = "Must be true or false.";

    public UpdateAppCommandValidator()
    {
        When(command => command.BundleId.HasValue, () => RuleFor(command => command.BundleId.Value)
            .NotEmpty().WithMessage("This field may not be null or empty.")
            .MaximumLength(155)
            .Matches("^[A-Za-z0-9.-]+$").WithMessage("A bundle id holds only letters, digits, dots and hyphens."));
        When(command => command.AppleAppId.HasValue, () => RuleFor(command => command.AppleAppId.Value)
            .GreaterThan(0).WithMessage("Apple's app id is a positive number."));
        When(command => command.Environments.HasValue, () => RuleFor(command => command.Environments.Value)
            .NotEmpty().WithMessage("Give at least one of: Sandbox, Production.")
            .Must(names => names!.All(name => AppStoreEnvironmentNames.TryParse(name, out _)))
            .WithMessage("Each environment is Sandbox or Production."));
        When(command => command.ExtraTrustedRoots.HasValue, () => RuleFor(command => command.ExtraTrustedRoots.Value)
            .NotNull().WithMessage("Give a list (empty to trust Apple's root alone).")
            .Custom((pems, context) =>
            {
                for (var index = 0; index < (pems?.Count ?? 0); index++)
                {
                    if (TrustedRootCertificate.ProblemWith(pems![index]) is { } problem)
                    {
                        context.AddFailure(new ValidationFailure(context.PropertyPath, $"Root {index} {problem}."));
                    }
                }
            }));
        When(command => command.AppStoreCredentials is { HasValue: true, Value: not null }, () =>
        {
            RuleFor(command => command.AppStoreCredentials.Value!.IssuerId)
                .NotEmpty().WithMessage("The issuer id from App Store Connect (Users and Access → Integrations) is required.")
                .MaximumLength(64);
            RuleFor(command => command.AppStoreCredentials.Value!.KeyId)
                .NotEmpty().WithMessage("The key id of the In-App Purchase key is required.")
                .MaximumLength(64).Matches("^[A-Za-z0-9]+$").WithMessage("A key id holds only letters and digits.");
            RuleFor(command => command.AppStoreCredentials.Value!.PrivateKeyPem)
                .Must(IsP256PrivateKey).WithMessage("Give the downloaded .p8 file's content: a PEM EC private key on P-256.");
        });
        When(command => command.RefundSaverEnabled.HasValue, () => RuleFor(command => command.RefundSaverEnabled.Value)
            .NotNull().WithMessage(MustBeTrueOrFalse));
        When(command => command.SampleContentProvided.HasValue, () => RuleFor(command => command.SampleContentProvided.Value)
            .NotNull().WithMessage(MustBeTrueOrFalse));
        When(command => command.ConsumptionApiVersion.HasValue, () => RuleFor(command => command.ConsumptionApiVersion.Value)
            .MustBeOneOf(ConsumptionApiVersionNames.All));
        When(command => command.RefundPolicy.HasValue, () => RuleFor(command => command.RefundPolicy.Value)
            .MustBeOneOf(RefundPolicyNames.All));
        When(command => command.ConsentDefault.HasValue, () => RuleFor(command => command.ConsentDefault.Value)
            .MustBeOneOf(ConsentDefaultNames.All));
        When(command => command.ReviewDelayMinutes.HasValue, () => RuleFor(command => command.ReviewDelayMinutes.Value)
            .InclusiveBetween(0, MaxReviewDelayMinutes)
            .WithMessage($"A review delay is 0 to {MaxReviewDelayMinutes} minutes (11 hours), or null for none."));
        When(command => command.Rules.HasValue, () => RuleFor(command => command.Rules.Value)
            .Custom((rules, context) =>
            {
                var problems = rules is null ? ["Give a list (empty for no rules)."] : PreferenceRules.Problems(rules);
                foreach (var problem in problems)
                {
                    context.AddFailure(new ValidationFailure(context.PropertyPath, problem));
                }
            }));
    }

    private static bool IsP256PrivateKey(string? pem)
    {
        if (string.IsNullOrWhiteSpace(pem))
        {
            return false;
        }

        try
        {
            using var key = ECDsa.Create();
            key.ImportFromPem(pem.Replace("\\n", "\n", StringComparison.Ordinal));
            return key.ExportParameters(includePrivateParameters: false).Curve.Oid.Value == ECCurve.NamedCurves.nistP256.Oid.Value;
        }
        catch (Exception exception) when (exception is CryptographicException or ArgumentException)
        {
            return false;
        }
    }
}
