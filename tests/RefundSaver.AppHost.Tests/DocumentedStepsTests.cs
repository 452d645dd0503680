using System.Text.RegularExpressions;
using RefundSaver.AppHost.Tests.Infrastructure;

namespace RefundSaver.AppHost.Tests;

/// <summary>What README tells a newcomer to run, run against the AppHost as it is written.</summary>
[Collection(AppHostCollection.Name)]
[Trait(AppHostTraits.Servers, AppHostTraits.AnyServers)]
public sealed partial class DocumentedStepsTests(AppHostFixture fixture)
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(2);

    private RunningAppHost AppHost => fixture.AppHost;

    [Fact]
    public async Task ReadmeWalkthrough_WhenItsBlocksRunInOrder_ShouldGetTheRequestAnsweredAndTheTestNotificationReceived()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(Shell.RepositoryRoot, "README.md"));
        var walkthrough = Walkthrough().Match(readme).Groups["steps"].Value;
        var blocks = BashBlock().Matches(walkthrough).Select(block => block.Groups["code"].Value).ToList();

        var (exitCode, output) = await Shell.RunAsync(string.Join('\n', blocks), Environment(), ScriptTimeout);

        blocks.Count.ShouldBeGreaterThanOrEqualTo(8);
        exitCode.ShouldBe(0, output);
        output.ShouldContain("\"state\": \"answered\"", customMessage: output);
        output.ShouldContain("\"why\": \"profile\"", customMessage: output);
        output.ShouldContain("\"refundPreference\": \"DECLINE\"", customMessage: output);
        output.ShouldContain("\"received_by_webhook\": true", customMessage: output);
    }

    [Fact]
    public async Task DemoScript_WhenRunAgainstTheAppHost_ShouldShowTheAnswerAppleReceivedAndItsDecision()
    {
        var (exitCode, output) = await Shell.RunAsync("scripts/demo.sh", Environment(), ScriptTimeout);

        exitCode.ShouldBe(0, output);
        output.ShouldContain("\"status\": 202", customMessage: output);
        output.ShouldContain("outcome recorded by RefundSaver: declined", customMessage: output);
    }

    /// <summary>The fixture's AppHost runs on free ports and its own data folder, where README's defaults assume 5080, 5090 and .data.</summary>
    private Dictionary<string, string> Environment() => new()
    {
        ["API"] = AppHost.Application.GetEndpoint("api", "http").AbsoluteUri.TrimEnd('/'),
        ["APPLE"] = AppHost.Application.GetEndpoint("appstore", "http").AbsoluteUri.TrimEnd('/'),
        ["ADMIN_TOKEN"] = AppHost.AdminToken,
        ["DATA"] = AppHost.DataDirectory,
    };

    [GeneratedRegex("<!-- walkthrough:start -->(?<steps>.*?)<!-- walkthrough:end -->", RegexOptions.Singleline)]
    private static partial Regex Walkthrough();

    [GeneratedRegex("```bash\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex BashBlock();
}
