using RefundSaver.Domain.Common;

namespace RefundSaver.Domain.Profiles;

/// <summary>The personal details a backend may set on a profile; left-out fields stay as they are.</summary>
public sealed record ProfileDetails(
    Optional<string?> Email,
    Optional<string?> PhoneNumber,
    Optional<string?> FirstName,
    Optional<string?> LastName,
    Optional<Guid?> AppAccountToken);
