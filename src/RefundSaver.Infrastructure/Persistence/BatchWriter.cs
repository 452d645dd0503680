using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Npgsql;
using RefundSaver.Infrastructure.Telemetry;

namespace RefundSaver.Infrastructure.Persistence;

/// <summary>
/// Writes items that arrive together as one batch: one round trip and one commit (one WAL flush)
/// for the batch, which is what a commit-per-request workload spends most of its time on. Each
/// item is answered only after its batch committed. A batch the server refuses is written again
/// item by item, so one bad item cannot fail the others; when the database cannot be reached,
/// every item of the batch fails at once. One writer per instance, so batches of one process
/// never wait on each other's row locks.
/// </summary>
internal sealed partial class BatchWriter<TItem, TResult> : IAsyncDisposable
{
    private readonly string _name;
    private readonly NpgsqlDataSource _dataSource;
    private readonly Func<IReadOnlyList<TItem>, Task<TResult[]>> _write;
    private readonly int _maxBatchSize;
    private readonly ILogger _logger;
    private readonly Channel<Pending> _pending = Channel.CreateUnbounded<Pending>();
    private readonly Task _writer;

    /// <param name="name">The batch's span name.</param>
    /// <param name="dataSource">Where <paramref name="write"/> takes its connections.</param>
    /// <param name="write">Writes a batch in one transaction and answers each item, in order; idempotent.</param>
    public BatchWriter(string name, NpgsqlDataSource dataSource, Func<IReadOnlyList<TItem>, Task<TResult[]>> write, int maxBatchSize, ILogger logger)
    {
        _name = name;
        _dataSource = dataSource;
        _write = write;
        _maxBatchSize = maxBatchSize;
        _logger = logger;
        _writer = Task.Run(WriteBatchesAsync);
    }

    /// <summary>The item is not cancelled with its caller: once queued it is written.</summary>
    public Task<TResult> WriteAsync(TItem item)
    {
        var pending = new Pending(item, Activity.Current?.Context ?? default);
        return _pending.Writer.TryWrite(pending)
            ? pending.Completion.Task
            : Task.FromException<TResult>(new ObjectDisposedException(GetType().Name));
    }

    public async ValueTask DisposeAsync()
    {
        _pending.Writer.TryComplete();
        await _writer;
    }

    private async Task WriteBatchesAsync()
    {
        List<Pending> batch = new(_maxBatchSize);
        while (await _pending.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < _maxBatchSize && _pending.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            try
            {
                await WriteAsync(batch);
            }
            catch (PostgresException exception) when (batch.Count > 1)
            {
                LogBatchRefused(_logger, exception, batch.Count);
                foreach (var pending in batch)
                {
                    await WriteAloneAsync(pending);
                }
            }
            catch (Exception exception)
            {
                foreach (var pending in batch)
                {
                    pending.Completion.TrySetException(exception);
                }
            }
        }
    }

    private async Task WriteAloneAsync(Pending pending)
    {
        try
        {
            await WriteAsync([pending]);
        }
        catch (Exception exception)
        {
            pending.Completion.TrySetException(exception);
        }
    }

    private async Task WriteAsync(List<Pending> batch)
    {
        // The batch's span belongs to the first caller's trace (a lone request sees its own database
        // commands) and links the others' traces.
        using var activity = InfrastructureActivities.Persistence.HasListeners()
            ? InfrastructureActivities.Persistence.StartActivity(
                _name, ActivityKind.Internal, batch[0].Caller, links: batch.Skip(1).Select(pending => new ActivityLink(pending.Caller)))
            : null;
        activity?.SetTag("refundsaver.batch.size", batch.Count);
        var items = batch.Select(pending => pending.Item).ToList();
        TResult[] results;
        try
        {
            results = await _write(items);
        }
        catch (NpgsqlException exception) when (exception is { IsTransient: true, InnerException: not TimeoutException })
        {
            // A server restart leaves every idle connection of the pool dead, and each says so only
            // when next used: drop them all and write once more on a new one. When the database is
            // really down, this attempt fails at once too.
            LogReconnecting(_logger, exception.Message);
            _dataSource.Clear();
            results = await _write(items);
        }

        // Each answer goes to the thread pool's global (first in, first out) queue: completing them
        // from this thread would queue their continuations on its own last-in-first-out queue, and
        // the oldest callers of a large batch would wait behind every newer one.
        for (var index = 0; index < batch.Count; index++)
        {
            ThreadPool.UnsafeQueueUserWorkItem(
                static answer => answer.Pending.Completion.TrySetResult(answer.Result),
                new Answer(batch[index], results[index]),
                preferLocal: false);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A pooled connection to the database was broken ({Reason}); writing the batch again on a new one")]
    private static partial void LogReconnecting(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database refused a batch of {Count}; writing them one by one")]
    private static partial void LogBatchRefused(ILogger logger, Exception exception, int count);

    private sealed record Pending(TItem Item, ActivityContext Caller)
    {
        public TaskCompletionSource<TResult> Completion { get; } = new();
    }

    private sealed record Answer(Pending Pending, TResult Result);
}
