using FluentValidation;
using RefundSaver.Application.Common.Messaging;
using RefundSaver.Application.Common.Results;

namespace RefundSaver.Application.Common.Behaviours;

/// <summary>Runs every validator of a request; any failure becomes a validation <see cref="Error"/> and the handler is not called.</summary>
internal sealed class ValidationBehaviour<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
    where TRequest : notnull
    where TResponse : IFailable<TResponse>
{
    public async Task<TResponse> Handle(
        TRequest request, RequestHandlerDelegate<TResponse> next, CancellationToken cancellationToken)
    {
        List<FluentValidation.Results.ValidationFailure> failures = [];
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(request, cancellationToken);
            failures.AddRange(result.Errors);
        }

        if (failures.Count == 0)
        {
            return await next(cancellationToken);
        }

        var details = failures
            .GroupBy(failure => failure.PropertyName)
            .Select(group => new ErrorDetail(group.Key, group.Select(failure => failure.ErrorMessage).Distinct().ToList()))
            .ToList();
        return TResponse.Failure(Error.Validation(details));
    }
}
