using FluentValidation;
using Mediator;
using RefundSaver.Application.Common.Results;

namespace RefundSaver.Application.Common.Behaviours;

/// <summary>Runs every validator of a request; any failure becomes a validation <see cref="Error"/> and the handler is not called.</summary>
internal sealed class ValidationBehaviour<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
    where TResponse : IFailable<TResponse>
{
    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        List<FluentValidation.Results.ValidationFailure> failures = [];
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(message, cancellationToken);
            failures.AddRange(result.Errors);
        }

        if (failures.Count == 0)
        {
            return await next(message, cancellationToken);
        }

        var details = failures
            .GroupBy(failure => failure.PropertyName)
            .Select(group => new ErrorDetail(group.Key, group.Select(failure => failure.ErrorMessage).Distinct().ToList()))
            .ToList();
        return TResponse.Failure(Error.Validation(details));
    }
}
