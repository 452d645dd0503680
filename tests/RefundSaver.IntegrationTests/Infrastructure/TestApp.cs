namespace RefundSaver.IntegrationTests.Infrastructure;

public sealed record TestApp(Guid Id, string ApiKey, HttpClient Client);
