using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using RefundSaver.TestSupport;

namespace RefundSaver.IntegrationTests.Infrastructure;

/// <summary>
/// Reads every log record of every API host of the run, at every level, as it is written (and every
/// line that the run's other processes write, through <see cref="Inspect"/>), and keeps the ones that
/// hold a secret (the admin token, an API key, a private key, a signed payload or token), so that the
/// run fails when it ends (<see cref="RealServersFixture"/>) if any did. It keeps nothing else.
/// </summary>
public sealed class SecretSweepingLoggerProvider : ILoggerProvider
{
    private static readonly ConcurrentQueue<string> Found = new();
    private static long _swept;

    public static long Swept => Interlocked.Read(ref _swept);

    public static IReadOnlyList<string> Leaks => [.. Found];

    public ILogger CreateLogger(string categoryName) => new Sweeper(categoryName);

    public void Dispose()
    {
    }

    /// <summary>Sweeps one record or output line; <paramref name="source"/> says where it came from, should it hold a secret.</summary>
    public static void Inspect(string text, string source)
    {
        Interlocked.Increment(ref _swept);
        if (SecretIn(text) is { } secret)
        {
            Found.Enqueue($"{secret} in {source}");
        }
    }

    /// <summary>What a secret looks like, named, never quoted back.</summary>
    internal static string? SecretIn(string text) =>
        text.Contains(RealServersFixture.AdminToken, StringComparison.Ordinal) ? "the admin token" : SecretPatterns.KindIn(text);

    private sealed class Sweeper(string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Inspect(formatter(state, exception) + (exception is null ? string.Empty : "\n" + exception), $"a {logLevel} record of {category} ({eventId})");
    }
}
