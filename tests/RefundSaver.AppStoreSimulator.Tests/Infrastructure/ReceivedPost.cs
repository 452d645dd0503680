namespace RefundSaver.AppStoreSimulator.Tests.Infrastructure;

/// <summary>A notification POST the receiver got, and the status it answered.</summary>
public sealed record ReceivedPost(string Path, DateTimeOffset ReceivedAt, string ContentType, string Body, string SignedPayload, int AnsweredWith);
