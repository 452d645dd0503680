namespace RefundSaver.AppHost;

/// <summary>How the AppHost provides PostgreSQL and Redis (<c>AppHost:Servers</c>).</summary>
public enum ServerMode
{
    /// <summary>From the machine's own binaries, as executable resources: no container engine needed.</summary>
    Local,

    /// <summary>Aspire's container resources (AddPostgres, AddRedis) with data volumes: needs Docker or Podman.</summary>
    Containers,
}
