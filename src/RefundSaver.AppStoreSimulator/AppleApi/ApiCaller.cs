using RefundSaver.AppStoreSimulator.Model;

namespace RefundSaver.AppStoreSimulator.AppleApi;

/// <summary>Who a valid API token speaks for: the app and the key that signed it.</summary>
public sealed record ApiCaller(SimulatedApp App, IssuedKey Key);
