using RefundSaver.Domain.Profiles;

namespace RefundSaver.Application.Common.Interfaces;

/// <summary>
/// Erases a profile and every copy of its app account tokens (the ledger, the stored notification
/// payloads, the bodies sent to Apple) in one transaction, leaving only non-personal markers
/// (<see cref="ErasedCustomer"/>, the ledger's erased flag) so that its purchases are never answered for.
/// </summary>
public interface IProfileEraser
{
    Task EraseAsync(Profile profile, DateTimeOffset now, CancellationToken cancellationToken);
}
