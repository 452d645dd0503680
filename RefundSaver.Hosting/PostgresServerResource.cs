using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Npgsql;
using RefundSaver.Hosting.Processes;

namespace RefundSaver.Hosting;

/// <summary>
/// A PostgreSQL server: the configured connection string, else a local <c>postgres</c> on a private
/// data directory (initialised once, password kept there) listening on 127.0.0.1 and a free port.
/// </summary>
public sealed class PostgresServerResource(string name, IConfiguration configuration) : ProcessResource(name), IResourceWithConnectionString
{
    private const string Host = "127.0.0.1";
    private const string SuperUser = "postgres";

    // A unix socket path longer than this is rejected by the kernel (sun_path is 108 bytes).
    private const int MaxSocketPathLength = 100;
    private static readonly TimeSpan LeftoverShutdownTimeout = TimeSpan.FromSeconds(15);

    private readonly List<PostgresDatabaseResource> _databases = [];
    private int _port;
    private string? _password;
    private string? _serverDirectory;

    public override string ResourceType => "Postgres";

    /// <summary>External when its own connection string is set, or when every database of it has one.</summary>
    public override bool IsExternal =>
        configuration.GetConnectionString(Name) is not null ||
        (_databases.Count > 0 && _databases.All(database => database.IsExternal));

    public override Uri? Url => IsExternal || _port == 0 ? null : new Uri($"tcp://{Host}:{_port}");

    /// <summary>
    /// Passed to the server as <c>-c name=value</c>. Autovacuum looks at each database every 10 s
    /// rather than every minute: the consumption-request queue churns, and its index walks slow down
    /// on dead rows and stale statistics within a minute of a large backlog's release.
    /// </summary>
    public IDictionary<string, string> ServerSettings { get; } =
        new Dictionary<string, string>(StringComparer.Ordinal) { ["max_connections"] = "300", ["autovacuum_naptime"] = "10s" };

    /// <summary>Folder holding initdb and postgres; null means "find them on the PATH".</summary>
    public string? BinDirectory { get; set; } = PostgresBinaries.FindDirectory();

    public IReadOnlyList<PostgresDatabaseResource> Databases => _databases;

    private string PgDataDirectory => Path.Combine(ServerDirectory, "pgdata");

    private string PasswordFile => Path.Combine(ServerDirectory, "password");

    private string ServerDirectory => _serverDirectory ?? throw new InvalidOperationException($"'{Name}' is not prepared yet.");

    public ValueTask<string?> GetConnectionStringAsync(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(configuration.GetConnectionString(Name) ?? LocalConnectionString());

    internal void AddDatabase(PostgresDatabaseResource database) => _databases.Add(database);

    internal override Task PrepareAsync(ResourceContext context, CancellationToken cancellationToken)
    {
        if (IsExternal)
        {
            return Task.CompletedTask;
        }

        _serverDirectory = Directory.CreateDirectory(Path.Combine(context.DataDirectory, Name)).FullName;
        _password = ReadOrCreatePassword();
        _port = FreePort.Find();
        return Task.CompletedTask;
    }

    private protected override async Task<ProcessSpec> CreateProcessSpecAsync(ResourceContext context, CancellationToken cancellationToken)
    {
        if (SystemUser.IsRoot && !OperatingSystem.IsWindows())
        {
            // The temp data directory is private (0700); the postgres user must be able to walk into it.
            var root = new DirectoryInfo(context.DataDirectory);
            root.UnixFileMode |= UnixFileMode.OtherExecute | UnixFileMode.GroupExecute;
            SystemUser.EnsureReachableByOthers(ServerDirectory);
            await SystemUser.GiveOwnershipAsync(ServerDirectory, SystemUser.Postgres, Log, cancellationToken);
        }

        await StopLeftoverServerAsync();
        if (!File.Exists(Path.Combine(PgDataDirectory, "PG_VERSION")))
        {
            await ChildProcess.RunToCompletionAsync(AsServerUser(InitDbSpec()), Log, cancellationToken);
        }

        return AsServerUser(ServerSpec());
    }

    private protected override async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAdminConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT 1", connection);
        return await command.ExecuteScalarAsync(cancellationToken) is 1;
    }

    /// <summary>Fast shutdown (SIGINT): ends sessions instead of waiting for clients to leave.</summary>
    private protected override void RequestStop(ChildProcess process)
    {
        if (!process.HasExited)
        {
            NativeMethods.Kill(ServerProcessId(process), NativeMethods.SignalInterrupt);
        }
    }

    private protected override (int ProcessId, int Signal) OrphanStop(ChildProcess process) =>
        (ServerProcessId(process), NativeMethods.SignalInterrupt);

    /// <summary>
    /// The server itself rather than runuser in front of it (as root), which would turn any signal
    /// into SIGTERM and then SIGKILL two seconds later.
    /// </summary>
    private int ServerProcessId(ChildProcess process) => PostmasterPidFile.ReadLiveServerProcessId(PgDataDirectory) ?? process.Id;

    internal async Task<NpgsqlConnection> OpenAdminConnectionAsync(CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(LocalConnectionString())
        {
            Database = "postgres",
            Pooling = false,
            Timeout = 3,
        };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private string? LocalConnectionString() =>
        _port == 0 ? null : $"Host={Host};Port={_port};Username={SuperUser};Password={_password}";

    private string ReadOrCreatePassword()
    {
        if (File.Exists(PasswordFile))
        {
            return File.ReadAllText(PasswordFile).Trim();
        }

        var password = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(24));
        File.WriteAllText(PasswordFile, password);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(PasswordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return password;
    }

    /// <summary>A server left running by a crashed AppHost would hold the data directory's lock.</summary>
    private async Task StopLeftoverServerAsync()
    {
        if (PostmasterPidFile.ReadLiveServerProcessId(PgDataDirectory) is not { } leftover)
        {
            return;
        }

        Log.Append($"Stopping a server left running on this data directory (pid {leftover}).", isError: true);
        NativeMethods.Kill(leftover, NativeMethods.SignalInterrupt);
        var deadline = DateTime.UtcNow + LeftoverShutdownTimeout;
        while (PostmasterPidFile.ReadLiveServerProcessId(PgDataDirectory) is not null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
    }

    private ProcessSpec InitDbSpec() => new(
        BinaryPath("initdb"),
        [
            "-D", PgDataDirectory, "-U", SuperUser, $"--pwfile={PasswordFile}", "--auth=scram-sha-256",
            "--encoding=UTF8", "--no-locale", "--no-sync",
        ],
        ServerDirectory);

    private ProcessSpec ServerSpec()
    {
        var socketDirectory = Path.Combine(ServerDirectory, $".s.PGSQL.{_port}").Length <= MaxSocketPathLength ? ServerDirectory : "";
        var settings = new Dictionary<string, string>(ServerSettings)
        {
            ["listen_addresses"] = Host,
            ["port"] = $"{_port}",
            ["unix_socket_directories"] = socketDirectory,
        };
        List<string> arguments = ["-D", PgDataDirectory];
        foreach (var (setting, value) in settings)
        {
            arguments.AddRange(["-c", $"{setting}={value}"]);
        }

        return new ProcessSpec(BinaryPath("postgres"), arguments, ServerDirectory);
    }

    private string BinaryPath(string name) => BinDirectory is null ? name : Path.Combine(BinDirectory, name);

    private static ProcessSpec AsServerUser(ProcessSpec spec) =>
        SystemUser.IsRoot ? SystemUser.RunAs(SystemUser.Postgres, spec) : spec;
}
