namespace RefundSaver.Application.Common.Results;

/// <summary>A response type that can carry an <see cref="Error"/>, so pipeline behaviours can fail a request without throwing.</summary>
public interface IFailable<out TSelf>
    where TSelf : IFailable<TSelf>
{
    static abstract TSelf Failure(Error error);
}
