namespace RefundSaver.Application.AppStore.Dispatching;

/// <summary>A turn to call Apple: <paramref name="Place"/> (dispose it when Apple's answer is in), or null with <paramref name="NextFree"/>, when to look again.</summary>
public sealed record AppleTurn(IDisposable? Place, DateTimeOffset NextFree);
