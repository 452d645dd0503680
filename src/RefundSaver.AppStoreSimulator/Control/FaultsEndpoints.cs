using Microsoft.AspNetCore.Http.HttpResults;
using RefundSaver.AppStoreSimulator.Faults;
using RefundSaver.AppStoreSimulator.Model;

namespace RefundSaver.AppStoreSimulator.Control;

/// <summary>Injected failures of Send Consumption Information (<c>/simulator/faults</c>).</summary>
public static class FaultsEndpoints
{
    public const int DefaultRetryAfterMs = 1000;
    public const int MaximumHangMs = 600_000;

    public static IEndpointRouteBuilder MapFaults(this IEndpointRouteBuilder routes)
    {
        var faults = routes.MapGroup("/simulator/faults").WithTags("Simulator: faults");
        faults.MapPost("/", AddFault);
        faults.MapGet("/", ListFaults);
        faults.MapDelete("/", ClearFaults);
        return routes;
    }

    public static Results<Created<FaultResponse>, BadRequest<ControlError>, NotFound<ControlError>> AddFault(
        CreateFaultRequest request, FaultInjector faults, AppRegistry apps, SimulatorIds ids, TimeProvider time)
    {
        if (request.Status is not { } status)
        {
            return ControlResults.BadRequest("status is required (e.g. 429, 500, 503, 401; a 2xx status only delays calls by hang_ms).");
        }

        if (status is < 200 or > 599)
        {
            return ControlResults.BadRequest($"status must be an HTTP status from 200 to 599 (e.g. 429, 500, 503, 401), not {status}.");
        }

        if (request.Count is < 1)
        {
            return ControlResults.BadRequest("count must be 1 or more (how many calls get this answer; default 1).");
        }

        if (request.HangMs is < 0 or > MaximumHangMs)
        {
            return ControlResults.BadRequest($"hang_ms must be from 0 to {MaximumHangMs}.");
        }

        if (request.RetryAfterMs is < 0)
        {
            return ControlResults.BadRequest("retry_after_ms must be 0 or more.");
        }

        if (request.ErrorCode is <= 0)
        {
            return ControlResults.BadRequest("error_code must be a positive number such as 4290000 or 5000001.");
        }

        if (request.BundleId is not null && !apps.TryGet(request.BundleId, out _))
        {
            return ControlResults.NotFound(AppsEndpoints.NoSuchApp(request.BundleId));
        }

        var rule = new FaultRule(
            ids.NewGuid(), request.BundleId, status, request.ErrorCode, request.Count ?? 1, request.HangMs,
            request.RetryAfterMs ?? DefaultRetryAfterMs, time.GetUtcNow());
        faults.Add(rule);
        return TypedResults.Created($"/simulator/faults/{rule.Id}", ToResponse(rule, rule.Count));
    }

    public static Ok<List<FaultResponse>> ListFaults(FaultInjector faults) =>
        TypedResults.Ok(faults.Pending.Select(entry => ToResponse(entry.Rule, entry.Remaining)).ToList());

    public static Ok<FaultsClearedResponse> ClearFaults(FaultInjector faults) => TypedResults.Ok(new FaultsClearedResponse(faults.Clear()));

    private static FaultResponse ToResponse(FaultRule rule, int remaining) =>
        new(rule.Id, rule.BundleId, rule.Status, rule.ErrorCode, rule.Count, remaining, rule.HangMs, rule.RetryAfterMs, rule.CreatedAt);
}
