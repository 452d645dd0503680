namespace RefundSaver.AppHost;

/// <summary>Not a top-level program: its <c>Program</c> would clash with the Api's in the test projects that reference both.</summary>
internal static class Program
{
    public static void Main(string[] args)
    {
        var builder = DistributedApplication.CreateBuilder(args);
        builder.AddRefundSaver();
        builder.Build().Run();
    }
}
