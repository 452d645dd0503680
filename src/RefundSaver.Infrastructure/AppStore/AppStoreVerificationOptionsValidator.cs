using Microsoft.Extensions.Options;
using RefundSaver.Application.AppStore;

namespace RefundSaver.Infrastructure.AppStore;

/// <summary>Refuses to start with a configured extra root that is not a certificate authority, naming it.</summary>
internal sealed class AppStoreVerificationOptionsValidator : IValidateOptions<AppStoreVerificationOptions>
{
    public ValidateOptionsResult Validate(string? name, AppStoreVerificationOptions options)
    {
        var problems = options.ExtraTrustedRoots
            .Select((pem, index) => TrustedRootCertificate.ProblemWith(pem) is { } problem
                ? $"{AppStoreVerificationOptions.ExtraTrustedRootsSetting}:{index} {problem}."
                : null)
            .OfType<string>()
            .ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
