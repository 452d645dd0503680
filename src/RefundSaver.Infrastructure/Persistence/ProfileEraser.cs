using Microsoft.EntityFrameworkCore;
using Npgsql;
using RefundSaver.Application.Common.Interfaces;
using RefundSaver.Domain.Profiles;

namespace RefundSaver.Infrastructure.Persistence;

/// <summary>
/// Deletes a profile and scrubs its app account tokens wherever they were copied, in one transaction:
/// the ledger rows of its purchases lose the token and are marked erased; in the stored notification
/// payloads and the bodies sent to Apple each token becomes JSON null.
/// </summary>
internal sealed class ProfileEraser(RefundSaverDbContext db) : IProfileEraser
{
    // One statement for the three copies, each scrubbed the same way (Scrubbed).
    private static readonly string ScrubTokens = $"""
    WITH payloads AS (
        UPDATE notifications SET payload = {Scrubbed("payload")}::jsonb
        WHERE app_id = @app AND payload::text ~* @bare
        RETURNING 1
    ), requests AS (
        UPDATE consumption_requests SET body = {Scrubbed("body")}::json
        WHERE app_id = @app AND body::text ~* @bare
        RETURNING 1
    ), attempts AS (
        UPDATE consumption_attempts a SET body = {Scrubbed("a.body")}::json
        FROM consumption_requests r
        WHERE r.id = a.request_id AND r.app_id = @app AND a.body::text ~* @bare
        RETURNING 1
    )
    SELECT (SELECT count(*) FROM payloads) + (SELECT count(*) FROM requests) + (SELECT count(*) FROM attempts)
    """;

    public async Task EraseAsync(Profile profile, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (appId, profileId) = (profile.AppId, profile.Id);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Its tokens: the one it answers to, its id (the token when it had none), and those its purchases carry.
        var linked = db.TransactionLinks.Where(link => link.AppId == appId && link.ProfileId == profileId)
            .Select(link => link.OriginalTransactionId);
        var ofApp = db.AppStoreTransactions.Where(t => t.AppId == appId);
        var carried = await ofApp
            .Where(t => t.AppAccountToken != null && (t.ProfileId == profileId || linked.Contains(t.OriginalTransactionId)))
            .Select(t => t.AppAccountToken!.Value)
            .ToListAsync(cancellationToken);
        List<Guid> tokens = [.. carried.Append(profile.AppAccountToken ?? profileId).Append(profileId).Distinct()];

        await ofApp
            .Where(t => t.ProfileId == profileId || linked.Contains(t.OriginalTransactionId)
                || (t.AppAccountToken != null && tokens.Contains(t.AppAccountToken.Value)))
            .ExecuteUpdateAsync(
                update => update.SetProperty(t => t.AppAccountToken, (Guid?)null).SetProperty(t => t.CustomerErased, true),
                cancellationToken);

        // A token is a UUID (hex and dashes), so it is safe inside the pattern. As a JSON string it
        // becomes null; anywhere inside a longer string it is cut out.
        var alternatives = string.Join('|', tokens.Select(token => token.ToString("D")));
        await db.Database.ExecuteSqlRawAsync(
            ScrubTokens,
            [
                new NpgsqlParameter<Guid>("app", appId),
                new NpgsqlParameter<string>("quoted", $"\"({alternatives})\""),
                new NpgsqlParameter<string>("bare", $"({alternatives})"),
            ],
            cancellationToken);

        foreach (var token in tokens)
        {
            var hash = ErasedCustomer.HashToken(appId, token);
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO erased_customers (app_id, token_hash, erased_at) VALUES ({appId}, {hash}, {now}) ON CONFLICT DO NOTHING",
                cancellationToken);
        }

        // Its links go with it (cascade); requests and ledger rows keep no profile id (set null).
        db.Profiles.Remove(profile);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static string Scrubbed(string column) =>
        $"regexp_replace(regexp_replace({column}::text, @quoted, 'null', 'gi'), @bare, '', 'gi')";
}
