using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace RefundSaver.AppHost.Servers;

/// <summary>
/// <c>AddLocalPostgres</c>: PostgreSQL as an executable resource, for machines without a container
/// engine. A one-shot <c>&lt;name&gt;-init</c> executable initialises the data directory the first
/// time (initdb); the server waits for it to complete. initdb and postgres refuse to run as root, so
/// as root both run as the <c>postgres</c> system user through <c>setpriv</c>.
/// </summary>
public static class LocalPostgresBuilderExtensions
{
    private const string SystemUser = "postgres";

    // A unix socket path longer than this is rejected by the kernel (sun_path is 108 bytes).
    private const int MaxSocketPathLength = 100;

    private const string InitScript = """
        set -euo pipefail
        server_directory=$1 pgdata=$2 password_file=$3 initdb=$4
        run=()
        if [ "$(id -u)" -eq 0 ]; then
          chown -R postgres:postgres "$server_directory"
          run=(setpriv --reuid=postgres --regid=postgres --init-groups --)
        fi
        if [ -f "$pgdata/PG_VERSION" ]; then
          echo "The data directory $pgdata is initialised already."
          exit 0
        fi
        "${run[@]}" "$initdb" -D "$pgdata" -U postgres --pwfile="$password_file" --auth=scram-sha-256 --encoding=UTF8 --no-locale --no-sync
        """;

    // The orchestrator stops a resource with SIGTERM, which PostgreSQL takes as a "smart" shutdown
    // that waits for every client to leave (and is then killed, to recover at the next start). This
    // turns it into a fast shutdown (SIGINT): sessions end, a checkpoint, a clean stop in a second.
    private const string ServerScript = """
        "$@" &
        server=$!
        trap 'kill -INT "$server" 2> /dev/null' TERM INT
        wait "$server"
        status=$?
        while kill -0 "$server" 2> /dev/null; do
          wait "$server"
          status=$?
        done
        exit "$status"
        """;

    public static IResourceBuilder<LocalPostgresServerResource> AddLocalPostgres(
        this IDistributedApplicationBuilder builder, [ResourceName] string name, string dataDirectory)
    {
        var binaries = PostgresBinaries.FindDirectory() ?? throw new DistributedApplicationException(
            "PostgreSQL's server binaries (initdb, postgres) were not found: install the postgresql package " +
            "(./run.sh does), or set AppHost:Servers=containers, or give ConnectionStrings:refundsaver.");
        var serverDirectory = PrepareServerDirectory(dataDirectory, name);
        var pgData = Path.Combine(serverDirectory, "pgdata");
        var passwordFile = Path.Combine(serverDirectory, "password");
        var password = builder.AddParameter($"{name}-password", StoredSecrets.GetOrCreate(passwordFile, StoredSecrets.Base64Url), secret: true);

        var postgres = Path.Combine(binaries, "postgres");
        var server = new LocalPostgresServerResource(name, "bash", serverDirectory, password.Resource);
        var socketDirectory = Path.Combine(serverDirectory, ".s.PGSQL.65535").Length <= MaxSocketPathLength ? serverDirectory : "";

        var init = builder.AddExecutable($"{name}-init", "bash", serverDirectory,
                "-c", InitScript, $"{name}-init", serverDirectory, pgData, passwordFile, Path.Combine(binaries, "initdb"))
            .WithParentRelationship(server)
            .ExcludeFromManifest();

        string? connectionString = null;
        builder.Eventing.Subscribe<ConnectionStringAvailableEvent>(server, async (_, cancellationToken) =>
            connectionString = await server.ConnectionStringExpression.GetValueAsync(cancellationToken));
        // Aspire passes a container's state on to its databases, not an executable's: this does,
        // once the databases exist, so that what waits for a database waits for it to be created.
        builder.Eventing.Subscribe<ResourceReadyEvent>(server, async (@event, cancellationToken) =>
        {
            var notifications = @event.Services.GetRequiredService<ResourceNotificationService>();
            foreach (var database in builder.Resources.OfType<LocalPostgresDatabaseResource>().Where(database => database.Parent == server))
            {
                await CreateDatabaseIfMissingAsync(AdminConnectionString(connectionString), database.DatabaseName, cancellationToken);
                await notifications.PublishUpdateAsync(database, snapshot => snapshot with
                {
                    State = KnownResourceStates.Running,
                    StartTimeStamp = DateTime.UtcNow,
                    StopTimeStamp = null,
                });
            }
        });
        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(server, (@event, _) =>
            PublishDatabaseStatesAsync(builder, server, @event.Services, KnownResourceStates.Starting));
        builder.Eventing.Subscribe<ResourceStoppedEvent>(server, (@event, _) =>
            PublishDatabaseStatesAsync(builder, server, @event.Services, @event.ResourceEvent.Snapshot.State?.Text ?? KnownResourceStates.Exited));
        var healthCheckKey = $"{name}_check";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            healthCheckKey, _ => new LocalPostgresHealthCheck(pgData, () => AdminConnectionString(connectionString)), failureStatus: null, tags: null));

        return builder.AddResource(server)
            .WithEndpoint(name: LocalPostgresServerResource.PrimaryEndpointName, scheme: "tcp", isProxied: false)
            .WithArgs(context =>
            {
                context.Args.Add("-c");
                context.Args.Add(ServerScript);
                context.Args.Add($"{name}-server");
                if (Environment.IsPrivilegedProcess)
                {
                    context.Args.Add("setpriv");
                    context.Args.Add($"--reuid={SystemUser}");
                    context.Args.Add($"--regid={SystemUser}");
                    context.Args.Add("--init-groups");
                    context.Args.Add("--");
                }

                context.Args.Add(postgres);

                context.Args.Add("-D");
                context.Args.Add(pgData);
                AddSetting(context, "listen_addresses", "127.0.0.1");
                AddSetting(context, "unix_socket_directories", socketDirectory);
                context.Args.Add("-c");
                context.Args.Add(ReferenceExpression.Create($"port={server.PrimaryEndpoint.Property(EndpointProperty.TargetPort)}"));
                foreach (var (setting, value) in server.Settings)
                {
                    AddSetting(context, setting, value);
                }
            })
            .WithServerSetting("max_connections", "300")
            // The consumption-request queue churns: its index walks slow down on dead rows and
            // stale statistics within a minute of a large backlog's release.
            .WithServerSetting("autovacuum_naptime", "10s")
            .WaitForCompletion(init)
            .WithHealthCheck(healthCheckKey)
            .WithIconName("DatabaseMultiple")
            .ExcludeFromManifest();
    }

    public static IResourceBuilder<LocalPostgresServerResource> WithServerSetting(
        this IResourceBuilder<LocalPostgresServerResource> builder, string setting, string value)
    {
        builder.Resource.Settings[setting] = value;
        return builder;
    }

    public static IResourceBuilder<LocalPostgresDatabaseResource> AddDatabase(
        this IResourceBuilder<LocalPostgresServerResource> builder, [ResourceName] string name, string? databaseName = null)
    {
        var database = new LocalPostgresDatabaseResource(name, databaseName ?? name, builder.Resource);

        string? connectionString = null;
        builder.ApplicationBuilder.Eventing.Subscribe<ConnectionStringAvailableEvent>(database, async (_, cancellationToken) =>
            connectionString = await database.ConnectionStringExpression.GetValueAsync(cancellationToken));
        var healthCheckKey = $"{name}_check";
        builder.ApplicationBuilder.Services.AddHealthChecks().AddNpgSql(
            _ => connectionString ?? throw new InvalidOperationException($"'{name}' has no connection string yet."), name: healthCheckKey);
        return builder.ApplicationBuilder.AddResource(database)
            .WithInitialState(new CustomResourceSnapshot { ResourceType = "PostgresDatabase", State = KnownResourceStates.NotStarted, Properties = [] })
            .WithHealthCheck(healthCheckKey)
            .WithIconName("Database")
            .ExcludeFromManifest();
    }

    private static async Task PublishDatabaseStatesAsync(
        IDistributedApplicationBuilder builder, LocalPostgresServerResource server, IServiceProvider services, string state)
    {
        var notifications = services.GetRequiredService<ResourceNotificationService>();
        var stopped = KnownResourceStates.TerminalStates.Contains(state);
        foreach (var database in builder.Resources.OfType<LocalPostgresDatabaseResource>().Where(database => database.Parent == server))
        {
            await notifications.PublishUpdateAsync(database, snapshot => snapshot with
            {
                State = state,
                StopTimeStamp = stopped ? DateTime.UtcNow : null,
            });
        }
    }

    private static void AddSetting(CommandLineArgsCallbackContext context, string setting, string value)
    {
        context.Args.Add("-c");
        context.Args.Add($"{setting}={value}");
    }

    private static string AdminConnectionString(string? serverConnectionString) =>
        serverConnectionString is null
            ? throw new InvalidOperationException("The PostgreSQL server has no connection string yet.")
            : new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = "postgres", Pooling = false }.ConnectionString;

    private static async Task CreateDatabaseIfMissingAsync(string adminConnectionString, string databaseName, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", databaseName);
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
        {
            return;
        }

        var quotedName = "\"" + databaseName.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        await using var create = new NpgsqlCommand($"CREATE DATABASE {quotedName}", connection);
        await create.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// As root the servers run as the <c>postgres</c> user, which must be able to walk down to its
    /// folder: say so clearly when it cannot, rather than let initdb fail obscurely.
    /// </summary>
    private static string PrepareServerDirectory(string dataDirectory, string name)
    {
        var serverDirectory = Directory.CreateDirectory(Path.Combine(dataDirectory, name)).FullName;
        if (!Environment.IsPrivilegedProcess || OperatingSystem.IsWindows())
        {
            return serverDirectory;
        }

        var searchable = UnixFileMode.OtherExecute | UnixFileMode.GroupExecute;
        new DirectoryInfo(dataDirectory).UnixFileMode |= searchable;
        for (var current = new DirectoryInfo(serverDirectory).Parent; current is not null; current = current.Parent)
        {
            if (!current.UnixFileMode.HasFlag(UnixFileMode.OtherExecute))
            {
                throw new DistributedApplicationException(
                    $"The '{SystemUser}' user cannot reach '{serverDirectory}' because '{current.FullName}' is not searchable by others; " +
                    "choose another data directory (AppHost:DataDirectory).");
            }
        }

        return serverDirectory;
    }
}
