namespace RefundSaver.Infrastructure.Persistence;

/// <summary>The one row made with the database (a random id): what tells this database from any other.</summary>
internal sealed class DatabaseIdentity
{
    public Guid Id { get; init; }
}
