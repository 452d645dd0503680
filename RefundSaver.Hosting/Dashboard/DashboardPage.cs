namespace RefundSaver.Hosting.Dashboard;

internal static class DashboardPage
{
    /// <summary>The page lives in dashboard.html (an embedded resource) so it can be edited as HTML.</summary>
    public static string Html { get; } = Load();

    private static string Load()
    {
        using var stream = typeof(DashboardPage).Assembly.GetManifestResourceStream("RefundSaver.Hosting.Dashboard.dashboard.html")
            ?? throw new InvalidOperationException("The dashboard page is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
