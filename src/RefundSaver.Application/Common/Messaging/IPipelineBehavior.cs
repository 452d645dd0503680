namespace RefundSaver.Application.Common.Messaging;

/// <summary>Wraps the handling of a request; behaviours run in registration order, outermost first.</summary>
public interface IPipelineBehavior<in TRequest, TResponse>
    where TRequest : notnull
{
    Task<TResponse> Handle(TRequest request, RequestHandlerDelegate<TResponse> next, CancellationToken cancellationToken);
}
