namespace RefundSaver.TestSupport.Aspire;

public sealed record ResourceLogLine(string Resource, string Content);
