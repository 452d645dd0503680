namespace RefundSaver.AppStoreSimulator.Control;

/// <summary>The control API's error body: <c>{"error":"…"}</c>.</summary>
public sealed record ControlError(string Error);
