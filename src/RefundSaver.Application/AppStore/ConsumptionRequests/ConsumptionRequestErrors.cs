using RefundSaver.Application.Common.Results;

namespace RefundSaver.Application.AppStore.ConsumptionRequests;

public static class ConsumptionRequestErrors
{
    public static Error NotFound { get; } = Error.NotFound("consumption_request_does_not_exist", "Consumption request not found");

    public static Error AlreadySent { get; } = Error.Conflict(
        "consumption_request_already_sent",
        Error.WholeRequest,
        "The request is being sent or is final; its preference can no longer change.");

    public static Error NotHeld { get; } = Error.Conflict(
        "consumption_request_not_held", nameof(Commands.ReviewConsumptionRequest.ReviewConsumptionRequestCommand.SendNow), "Only a request held for review can be sent now.");
}
