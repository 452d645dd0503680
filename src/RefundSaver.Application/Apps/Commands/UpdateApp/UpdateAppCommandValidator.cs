using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FluentValidation;
using RefundSaver.Domain.AppStore;

namespace RefundSaver.Application.Apps.Commands.UpdateApp;

internal sealed class UpdateAppCommandValidator : AbstractValidator<UpdateAppCommand>
{
    public UpdateAppCommandValidator()
    {
        When(command => command.BundleId.HasValue, () => RuleFor(command => command.BundleId.Value)
            .NotEmpty().WithMessage("This field may not be null or empty.")
            .MaximumLength(155)
            .Matches("^[A-Za-z0-9.-]+$").WithMessage("A bundle id holds only letters, digits, dots and hyphens.")
            .OverridePropertyName("bundle_id"));
        When(command => command.AppleAppId.HasValue, () => RuleFor(command => command.AppleAppId.Value)
            .GreaterThan(0).WithMessage("Apple's app id is a positive number.")
            .OverridePropertyName("apple_app_id"));
        When(command => command.Environments.HasValue, () => RuleFor(command => command.Environments.Value)
            .NotEmpty().WithMessage("Give at least one of: Sandbox, Production.")
            .Must(names => names!.All(name => AppStoreEnvironmentNames.TryParse(name, out _)))
            .WithMessage("Each environment is Sandbox or Production.")
            .OverridePropertyName("environments"));
        When(command => command.ExtraTrustedRoots.HasValue, () => RuleFor(command => command.ExtraTrustedRoots.Value)
            .NotNull().WithMessage("Give a list (empty to trust Apple's root alone).")
            .Must(pems => pems!.All(IsCertificate)).WithMessage("Each trusted root is one PEM certificate (-----BEGIN CERTIFICATE-----).")
            .OverridePropertyName("extra_trusted_roots"));
    }

    private static bool IsCertificate(string pem)
    {
        try
        {
            using var certificate = X509Certificate2.CreateFromPem(pem);
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
