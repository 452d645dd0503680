namespace RefundSaver.AppStoreSimulator.AppleApi;

/// <summary>
/// One of Apple's documented errors: its name, HTTP status, message and number. <see cref="Code"/>
/// is null for the few errors Apple names whose number no published source gives.
/// </summary>
public sealed record AppleError(string Name, int Status, long? Code, string Message);
