namespace RefundSaver.Hosting;

/// <summary>One line of a resource's output; <see cref="Sequence"/> grows by one per line, from 1.</summary>
public sealed record LogLine(long Sequence, DateTimeOffset Timestamp, string Text, bool IsError);
