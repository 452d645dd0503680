using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace RefundSaver.AppStoreSimulator.Notifications;

/// <summary>
/// Posts <c>{"signedPayload":"…"}</c> to an app's notification URL as Apple does: anything but a
/// 200 is a failure; in Production Apple retries 1, 12, 24, 48 and 72 hours after the previous
/// try (scaled by <see cref="SimulatorOptions.RetryTimeScale"/>), in Sandbox it does not retry.
/// </summary>
public sealed partial class NotificationDelivery(
    NotificationLog log,
    IHttpClientFactory httpClients,
    TimeProvider time,
    IOptions<SimulatorOptions> options,
    ILogger<NotificationDelivery> logger) : IHostedService
{
    public const string HttpClientName = "notifications";

    /// <summary>Apple's retry schedule, each delay counted from the previous attempt.</summary>
    public static readonly IReadOnlyList<TimeSpan> ProductionRetryDelays =
        [TimeSpan.FromHours(1), TimeSpan.FromHours(12), TimeSpan.FromHours(24), TimeSpan.FromHours(48), TimeSpan.FromHours(72)];

    /// <summary>Cancelled when the host stops; never disposed, because the container may dispose this service before the host stops it.</summary>
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<string, Task> _inFlight = new(StringComparer.Ordinal);

    /// <summary>Records <paramref name="record"/> and starts delivering it (in the background).</summary>
    public void Publish(NotificationRecord record)
    {
        log.Add(record);
        if (record.Url is null || _stopping.IsCancellationRequested)
        {
            return;
        }

        var task = DeliverAsync(record, _stopping.Token);
        _inFlight[record.NotificationUuid] = task;
        _ = task.ContinueWith(
            _ => _inFlight.TryRemove(record.NotificationUuid, out var _),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        try
        {
            await Task.WhenAll(_inFlight.Values).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Deliveries stop with the simulator.
        }
    }

    private async Task DeliverAsync(NotificationRecord record, CancellationToken cancellationToken)
    {
        await Task.Yield();
        var delays = record.Environment == nameof(Model.AppStoreEnvironment.Production) ? ProductionRetryDelays : [];
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                var result = await AttemptAsync(record, cancellationToken);
                var retry = result.SendAttemptResult != SendAttemptResults.Success && attempt < delays.Count;
                var delay = retry ? Scale(delays[attempt]) : TimeSpan.Zero;
                record.Record(result, retry ? time.GetUtcNow() + delay : null);
                LogAttempt(record.NotificationUuid, record.NotificationType, attempt + 1, result.SendAttemptResult, result.HttpStatus, retry);
                if (!retry)
                {
                    return;
                }

                await Task.Delay(delay, time, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The simulator is stopping.
        }
    }

    private async Task<DeliveryAttempt> AttemptAsync(NotificationRecord record, CancellationToken cancellationToken)
    {
        var attemptDate = time.GetUtcNow();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(options.Value.DeliveryTimeoutSeconds), time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var content = new ByteArrayContent(Body(record.SignedPayload));
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            using var response = await httpClients.CreateClient(HttpClientName).PostAsync(record.Url, content, linked.Token);
            return response.StatusCode == HttpStatusCode.OK
                ? new DeliveryAttempt(attemptDate, SendAttemptResults.Success, 200, null)
                : new DeliveryAttempt(attemptDate, SendAttemptResults.UnsuccessfulHttpResponseCode, (int)response.StatusCode, null);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return new DeliveryAttempt(attemptDate, SendAttemptResults.TimedOut, null, "No answer within the delivery timeout.");
        }
        catch (HttpRequestException exception)
        {
            return new DeliveryAttempt(attemptDate, Classify(exception), null, exception.Message);
        }
    }

    private static string Classify(HttpRequestException exception) => exception.HttpRequestError switch
    {
        HttpRequestError.SecureConnectionError => SendAttemptResults.TlsIssue,
        HttpRequestError.ResponseEnded => SendAttemptResults.PrematureClose,
        HttpRequestError.InvalidResponse or HttpRequestError.HttpProtocolError => SendAttemptResults.InvalidResponse,
        HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError =>
            exception.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused }
                ? SendAttemptResults.NoResponse
                : SendAttemptResults.SocketIssue,
        _ when exception.InnerException is AuthenticationException => SendAttemptResults.TlsIssue,
        _ => SendAttemptResults.Other,
    };

    private static byte[] Body(string signedPayload)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("signedPayload", signedPayload);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private TimeSpan Scale(TimeSpan delay) =>
        TimeSpan.FromTicks((long)Math.Max(0, delay.Ticks * options.Value.RetryTimeScale));

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Notification {NotificationUuid} ({NotificationType}) attempt {Attempt}: {Result} (HTTP {HttpStatus}), retry: {WillRetry}")]
    private partial void LogAttempt(string notificationUuid, string notificationType, int attempt, string result, int? httpStatus, bool willRetry);
}
