namespace RefundSaver.AppHost.Tests.Infrastructure;

public sealed record ResourceLogLine(string Resource, string Content);
