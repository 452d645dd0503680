using Microsoft.AspNetCore.Http.HttpResults;

namespace RefundSaver.AppStoreSimulator.Control;

/// <summary>The control API's error answers, each with a message that says what to fix.</summary>
public static class ControlResults
{
    public static BadRequest<ControlError> BadRequest(string message) => TypedResults.BadRequest(new ControlError(message));

    public static NotFound<ControlError> NotFound(string message) => TypedResults.NotFound(new ControlError(message));

    public static Conflict<ControlError> Conflict(string message) => TypedResults.Conflict(new ControlError(message));
}
