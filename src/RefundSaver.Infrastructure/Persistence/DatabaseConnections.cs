namespace RefundSaver.Infrastructure.Persistence;

/// <summary>
/// The connection the API works with (<c>ConnectionStrings:refundsaver</c>) and, when given, the
/// database owner's (<c>ConnectionStrings:refundsaver-owner</c>), used only to migrate at start.
/// </summary>
internal sealed record DatabaseConnections(string Api, string? Owner);
