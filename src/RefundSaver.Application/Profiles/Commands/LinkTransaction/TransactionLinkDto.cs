namespace RefundSaver.Application.Profiles.Commands.LinkTransaction;

/// <summary>The link, and how many known transactions and consumption requests it now assigns to the profile.</summary>
public sealed record TransactionLinkDto(Guid ProfileId, string OriginalTransactionId, int TransactionsLinked, int ConsumptionRequestsLinked);
