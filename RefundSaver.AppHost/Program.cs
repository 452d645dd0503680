using Microsoft.Extensions.Configuration;

namespace RefundSaver.AppHost;

/// <summary>Not a top-level program: its <c>Program</c> would clash with the Api's in the test projects that reference both.</summary>
internal static class Program
{
    public static void Main(string[] args)
    {
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions
        {
            Args = args,
            // AppHost:EchoLogs=true: every resource's console output on this console too (a machine
            // without a browser, CI logs). Read before the builder exists, which fixes it at creation.
            EnableResourceLogging = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build()
                .GetValue("AppHost:EchoLogs", false),
        });
        builder.AddRefundSaver();
        builder.Build().Run();
    }
}
