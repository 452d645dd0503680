namespace RefundSaver.AppHost.Tests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class AppHostCollection : ICollectionFixture<AppHostFixture>
{
    public const string Name = "The running AppHost";
}
