using System.Buffers;
using System.Text;
using System.Text.Json;
using Mediator;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RefundSaver.Application.Common.Results;
using RefundSaver.Domain.AppStore;

namespace RefundSaver.Application.AppStore.Notifications.Commands.ReceiveNotification;

/// <summary>
/// Verify, find the app, verify what is nested, then store it all in one transaction. Duplicates
/// are answered like the first delivery, and change nothing.
/// </summary>
internal sealed partial class ReceiveNotificationCommandHandler(
    ISignedPayloadVerifier verifier,
    WebhookAppCache apps,
    INotificationStore store,
    IProcessedNotifications processed,
    TimeProvider clock,
    IOptions<AppStoreWebhookOptions> options,
    ILogger<ReceiveNotificationCommandHandler> logger)
    : IRequestHandler<ReceiveNotificationCommand, Result<NotificationReceipt>>
{
    public async ValueTask<Result<NotificationReceipt>> Handle(ReceiveNotificationCommand request, CancellationToken cancellationToken)
    {
        var jws = request.SignedPayload!;
        if (!UnverifiedJws.TryReadPayload(jws, out var unverified))
        {
            return AppStoreErrors.Malformed("Not a well-formed JWS (three base64url parts, a JSON header and a JSON payload).");
        }

        // Only to pick the trust roots: everything acted upon below comes from the verified payload.
        // Answered from memory, so that a bundle id no app has costs no query.
        var candidate = NotificationPayload.BundleIdOf(unverified) is { } claimedBundleId
            ? await apps.FindByBundleIdAsync(claimedBundleId, cancellationToken)
            : null;
        var roots = candidate?.ExtraTrustedRoots ?? [];

        // Asked while the signatures are checked, and believed only for the verified uuid. Redis is a
        // shortcut, never the judge: an answer still on its way is not waited for, since the
        // database's unique key decides duplicates anyway, and waiting would put a round trip to
        // Redis on every new notification's path.
        var claimedUuid = NotificationPayload.UuidOf(unverified);
        var seenBefore = claimedUuid is { } uuid ? processed.IsProcessedAsync(uuid) : null;
        var verification = verifier.Verify(jws, roots);
        if (verification.Status != VerificationStatus.Verified)
        {
            return Refuse(verification);
        }

        if (NotificationPayload.From(verification.Payload) is not { } notification)
        {
            return AppStoreErrors.Malformed("The payload lacks notificationType, notificationUUID or signedDate.");
        }

        if (CheckAge(notification.SignedDate) is { } outOfWindow)
        {
            return Refuse(outOfWindow);
        }

        var app = notification.BundleId == candidate?.BundleId ? candidate : null;
        if (CheckApp(app, notification) is { } notConfigured)
        {
            LogNotConfigured(logger, notification.NotificationType, notification.NotificationUuid, notConfigured.Details[0].Messages[0]);
            return notConfigured;
        }

        var transaction = Verified(notification.SignedTransactionInfo, roots);
        var renewal = Verified(notification.SignedRenewalInfo, roots);
        if (transaction?.Status is VerificationStatus.Invalid or VerificationStatus.Unavailable)
        {
            return Refuse(transaction);
        }

        if (renewal?.Status is VerificationStatus.Invalid or VerificationStatus.Unavailable)
        {
            return Refuse(renewal);
        }

        var receipt = new NotificationReceipt(notification.NotificationUuid, notification.NotificationType, Duplicate: true);
        if (notification.NotificationUuid == claimedUuid && seenBefore is { IsCompletedSuccessfully: true, Result: true })
        {
            return receipt;
        }

        var transactionInfo = transaction is null ? null : TransactionInfo.From(transaction.Payload);
        var stored = await store.SaveAsync(
            Describe(app!, notification, verification.Payload, transaction, renewal, transactionInfo),
            cancellationToken);
        processed.MarkProcessed(notification.NotificationUuid);
        return receipt with { Duplicate = !stored };
    }

    private SignedPayloadVerification? Verified(string? nested, IReadOnlyList<byte[]> roots) =>
        nested is null ? null : verifier.Verify(nested, roots);

    private Error Refuse(SignedPayloadVerification verification)
    {
        LogRefused(logger, verification.Status, verification.FailureReason);
        return verification.Status == VerificationStatus.Unavailable
            ? AppStoreErrors.CannotVerifyNow(verification.FailureReason ?? "The signature cannot be checked now.")
            : AppStoreErrors.NotVerified;
    }

    /// <summary>
    /// Within Apple's notification history (180 days) and not ahead of this clock by more than the
    /// allowed skew: a signature never expires, so an older payload is a replay, and a later one
    /// was signed on a wrong clock.
    /// </summary>
    private SignedPayloadVerification? CheckAge(DateTimeOffset signedDate)
    {
        var now = clock.GetUtcNow();
        if (signedDate < now - AppStoreWebhookOptions.MaxAge)
        {
            return SignedPayloadVerification.Invalid(
                $"signedDate {signedDate:O} is older than the {AppStoreWebhookOptions.MaxAge.TotalDays:0} days Apple keeps notifications");
        }

        var skew = TimeSpan.FromSeconds(options.Value.MaxClockSkewSeconds);
        return signedDate > now + skew
            ? SignedPayloadVerification.Invalid($"signedDate {signedDate:O} is more than {skew.TotalSeconds:0} s ahead of this server's clock")
            : null;
    }

    private static Error? CheckApp(WebhookApp? app, NotificationPayload notification)
    {
        if (app is null)
        {
            return AppStoreErrors.AppNotConfigured($"No app is configured with bundle id '{notification.BundleId}'.");
        }

        if (!app.Environments.Contains(notification.Environment))
        {
            return AppStoreErrors.AppNotConfigured(
                $"App '{app.BundleId}' does not accept {notification.Environment.ToName()} notifications.");
        }

        if (notification.Environment == AppStoreEnvironment.Production && (app.AppleAppId is null || app.AppleAppId != notification.AppAppleId))
        {
            return AppStoreErrors.AppNotConfigured(
                $"App '{app.BundleId}' is configured with Apple app id {app.AppleAppId?.ToString() ?? "(none)"}, the notification carries {notification.AppAppleId?.ToString() ?? "none"}.");
        }

        return null;
    }

    private NewNotification Describe(
        WebhookApp app,
        NotificationPayload notification,
        JsonElement payload,
        SignedPayloadVerification? transaction,
        SignedPayloadVerification? renewal,
        TransactionInfo? transactionInfo)
    {
        var now = clock.GetUtcNow();
        var isConsumptionRequest = notification.NotificationType == NotificationTypes.ConsumptionRequest && transactionInfo is not null;
        var outcome = transactionInfo is null ? null : NotificationTypes.OutcomeOf(notification.NotificationType);
        List<string> effects = [];
        if (transactionInfo is not null)
        {
            effects.Add($"ledger: transaction {transactionInfo.TransactionId}");
        }

        if (isConsumptionRequest)
        {
            effects.Add($"consumption request created, deadline {ConsumptionRequest.DeadlineFor(notification.SignedDate):u}");
        }

        if (outcome is not null)
        {
            effects.Add($"refund outcome: {outcome.Value.ToString().ToLowerInvariant()}");
        }

        var stored = StoredPayload(payload, transaction, renewal);
        return new NewNotification(
            Guid.CreateVersion7(now),
            app.Id,
            notification.NotificationUuid,
            notification.NotificationType,
            notification.Subtype,
            notification.Environment,
            notification.SignedDate,
            now,
            transactionInfo,
            isConsumptionRequest ? notification.ConsumptionRequestReason : null,
            isConsumptionRequest ? Guid.CreateVersion7(now) : null,
            outcome,
            effects.Count == 0 ? "stored" : string.Join("; ", effects),
            stored);
    }

    /// <summary>
    /// The notification with its nested JWS kept decoded beside it; their signed form (certificate
    /// chains included) would double every stored row and the database's write-ahead log. Written
    /// straight from the verified elements: this runs for every notification.
    /// </summary>
    private static string StoredPayload(JsonElement notification, SignedPayloadVerification? transaction, SignedPayloadVerification? renewal)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("notification");
            writer.WriteStartObject();
            foreach (var property in notification.EnumerateObject())
            {
                if (property.NameEquals("data") && property.Value.ValueKind == JsonValueKind.Object)
                {
                    writer.WritePropertyName(property.Name);
                    WriteWithoutSignedParts(writer, property.Value);
                }
                else
                {
                    property.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
            WriteVerified(writer, "transactionInfo", transaction);
            WriteVerified(writer, "renewalInfo", renewal);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteWithoutSignedParts(Utf8JsonWriter writer, JsonElement data)
    {
        writer.WriteStartObject();
        foreach (var property in data.EnumerateObject())
        {
            if (!property.NameEquals("signedTransactionInfo") && !property.NameEquals("signedRenewalInfo"))
            {
                property.WriteTo(writer);
            }
        }

        writer.WriteEndObject();
    }

    private static void WriteVerified(Utf8JsonWriter writer, string name, SignedPayloadVerification? verification)
    {
        writer.WritePropertyName(name);
        if (verification is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            verification.Payload.WriteTo(writer);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an App Store notification ({Status}): {Reason}")]
    private static partial void LogRefused(ILogger logger, VerificationStatus status, string? reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "App Store notification {Type} {Uuid} is for no configured app, Apple will retry it: {Reason}")]
    private static partial void LogNotConfigured(ILogger logger, string type, Guid uuid, string reason);

}
