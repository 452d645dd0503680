namespace RefundSaver.Infrastructure.Persistence;

/// <summary>
/// The eight migrations written by hand before the generated baseline, which databases made before
/// it have in their history, and the script EF made of them (Migrations/HandWrittenChain.sql): their
/// statements, each run only when its migration's id is not in the history yet.
/// </summary>
internal static class HandWrittenChain
{
    public static readonly string[] MigrationIds =
    [
        "20261122020000_Initial",
        "20261122040000_AppStoreNotifications",
        "20261122050000_TransactionLinks",
        "20261122060000_AnsweringApple",
        "20261122090000_DispatcherIndexes",
        "20261122100000_DispatcherHeartbeats",
        "20261207000000_NotificationPayloadStatistics",
        "20261207010000_ProfileEffectiveAppAccountToken",
    ];

    private const string ScriptResource = "RefundSaver.Infrastructure.Persistence.HandWrittenChain.sql";

    public static string ReadScript()
    {
        using var stream = typeof(HandWrittenChain).Assembly.GetManifestResourceStream(ScriptResource)
            ?? throw new InvalidOperationException($"The resource {ScriptResource} is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
