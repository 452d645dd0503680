using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace RefundSaver.Infrastructure.Persistence;

/// <summary>
/// The role the API runs as: it may log in, read and write the rows of every table, and nothing
/// else (no DDL, no other database's objects, the migrations' history read-only), so that a flaw
/// in the API cannot change the schema or reach beyond the data it serves.
/// </summary>
internal static class ApiRole
{
    private const string HistoryTable = "__EFMigrationsHistory";

    /// <summary>
    /// Made (or its password set) when the owner may manage roles, as the AppHost's servers' owner
    /// may; a managed database's operator makes it beforehand. The rights are granted each start,
    /// so that tables a new migration adds are covered. Statements are built by the server's
    /// <c>format()</c> (<c>%I</c>, <c>%L</c>): role names and passwords cannot be query parameters.
    /// </summary>
    public static async Task EnsureAsync(NpgsqlConnection owner, string role, string? password, CancellationToken cancellationToken)
    {
        var statements = await FormatAsync(
            owner,
            """
            SELECT CASE
                WHEN NOT (SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user) THEN ''
                WHEN EXISTS (SELECT FROM pg_roles WHERE rolname = @role) THEN format('ALTER ROLE %I WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD %L', @role, @password)
                ELSE format('CREATE ROLE %I WITH LOGIN PASSWORD %L', @role, @password)
            END
            || format('; GRANT CONNECT ON DATABASE %I TO %I', current_database(), @role)
            || format('; GRANT USAGE ON SCHEMA public TO %I', @role)
            || format('; GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I', @role)
            || format('; REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON %I FROM %I', @history, @role)
            || format('; GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %I', @role)
            """,
            role,
            password is null || !password.All(char.IsAscii) ? password : ScramVerifier(password, RandomNumberGenerator.GetBytes(16)),
            cancellationToken);
        await using var command = new NpgsqlCommand(statements.TrimStart(';', ' '), owner);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// The password as PostgreSQL stores it (RFC 5802's SCRAM-SHA-256 verifier, which the server
    /// takes in place of the password), so that the password itself is in no statement a server
    /// with statement logging on would write down. Only for ASCII passwords, which SASLprep leaves
    /// as they are; any other is passed for the server to prepare and hash.
    /// </summary>
    internal static string ScramVerifier(string password, byte[] salt)
    {
        const int iterations = 4096;
        var salted = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, 32);
        var storedKey = SHA256.HashData(HMACSHA256.HashData(salted, "Client Key"u8));
        var serverKey = HMACSHA256.HashData(salted, "Server Key"u8);
        return $"SCRAM-SHA-256${iterations}:{Convert.ToBase64String(salt)}${Convert.ToBase64String(storedKey)}:{Convert.ToBase64String(serverKey)}";
    }

    private static async Task<string> FormatAsync(
        NpgsqlConnection owner, string sql, string role, string? password, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, owner);
        command.Parameters.AddWithValue("role", role);
        command.Parameters.AddWithValue("password", (object?)password ?? DBNull.Value);
        command.Parameters.AddWithValue("history", HistoryTable);
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
