namespace RefundSaver.Application.Common.Messaging;

/// <summary>A command or query answered by exactly one <see cref="IRequestHandler{TRequest,TResponse}"/> (MediatR's shape).</summary>
public interface IRequest<out TResponse>;
