namespace RefundSaver.Hosting;

public static class PostgresBuilderExtensions
{
    public static IResourceBuilder<PostgresServerResource> AddPostgres(this IDistributedApplicationBuilder builder, string name) =>
        builder.AddResource(new PostgresServerResource(name, builder.Configuration));

    public static IResourceBuilder<PostgresDatabaseResource> AddDatabase(
        this IResourceBuilder<PostgresServerResource> builder, string name, string? databaseName = null)
    {
        var database = new PostgresDatabaseResource(name, databaseName ?? name, builder.Resource, builder.ApplicationBuilder.Configuration);
        builder.Resource.AddDatabase(database);
        return builder.ApplicationBuilder.AddResource(database);
    }

    /// <summary>A server setting passed as <c>-c name=value</c>, e.g. <c>("fsync", "off")</c> for faster tests.</summary>
    public static IResourceBuilder<PostgresServerResource> WithServerSetting(
        this IResourceBuilder<PostgresServerResource> builder, string name, string value)
    {
        builder.Resource.ServerSettings[name] = value;
        return builder;
    }
}
