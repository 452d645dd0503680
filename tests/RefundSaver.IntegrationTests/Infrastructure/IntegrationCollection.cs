namespace RefundSaver.IntegrationTests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class IntegrationCollection : ICollectionFixture<RealServersFixture>
{
    public const string Name = "Real PostgreSQL and Redis";
}
