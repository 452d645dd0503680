namespace RefundSaver.Application.Common.Messaging;

/// <summary>The rest of the pipeline, as a pipeline behaviour sees it.</summary>
public delegate Task<TResponse> RequestHandlerDelegate<TResponse>(CancellationToken cancellationToken = default);
