namespace RefundSaver.Application.Common.Behaviours;

/// <summary>A command whose handler writes more than once: <see cref="TransactionBehaviour{TMessage, TResponse}"/> commits its writes together, or none.</summary>
public interface ITransactionalCommand;
