using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;

namespace RefundSaver.Application.Common.Messaging;

/// <summary>
/// Sends a request through its pipeline behaviours to its handler. The generic dispatcher for each
/// request type is made once and cached, so a send costs no reflection after the first.
/// </summary>
internal sealed class Mediator(IServiceProvider services) : ISender
{
    private static readonly ConcurrentDictionary<Type, object> Dispatchers = new();

    public Task<TResponse> Send<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var dispatcher = (RequestDispatcher<TResponse>)Dispatchers.GetOrAdd(
            request.GetType(),
            static requestType => Activator.CreateInstance(
                typeof(RequestDispatcher<,>).MakeGenericType(requestType, typeof(TResponse)))!);
        return dispatcher.Dispatch(request, services, cancellationToken);
    }

    private abstract class RequestDispatcher<TResponse>
    {
        public abstract Task<TResponse> Dispatch(
            IRequest<TResponse> request, IServiceProvider services, CancellationToken cancellationToken);
    }

    private sealed class RequestDispatcher<TRequest, TResponse> : RequestDispatcher<TResponse>
        where TRequest : IRequest<TResponse>
    {
        public override Task<TResponse> Dispatch(
            IRequest<TResponse> request, IServiceProvider services, CancellationToken cancellationToken)
        {
            var typedRequest = (TRequest)request;
            var handler = services.GetRequiredService<IRequestHandler<TRequest, TResponse>>();
            RequestHandlerDelegate<TResponse> pipeline = ct => handler.Handle(typedRequest, ct);
            foreach (var behavior in services.GetServices<IPipelineBehavior<TRequest, TResponse>>().Reverse())
            {
                var next = pipeline;
                pipeline = ct => behavior.Handle(typedRequest, next, ct);
            }

            return pipeline(cancellationToken);
        }
    }
}
