using Microsoft.AspNetCore.Http.HttpResults;
using RefundSaver.AppStoreSimulator.Recording;

namespace RefundSaver.AppStoreSimulator.Control;

/// <summary>
/// Per-app counts of consumption calls (<c>/simulator/stats</c>): received, 202s, 429s, other 4xx
/// and 5xx, and the most calls received and accepted within any one second, which shows whether a
/// client kept to the rate limit.
/// </summary>
public static class StatsEndpoints
{
    public static IEndpointRouteBuilder MapStats(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/simulator/stats", GetStats).WithTags("Simulator: stats");
        return routes;
    }

    public static Ok<List<AppStatsSnapshot>> GetStats(ConsumptionLog log, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "bundle_id")] string? bundleId) =>
        TypedResults.Ok(log.Stats(bundleId).ToList());
}
