namespace RefundSaver.Application.Common.Results;

/// <summary>A response type that can carry an <see cref="Error"/>, so pipeline behaviours can fail a request without throwing.</summary>
public interface IFailable<out TSelf>
    where TSelf : IFailable<TSelf>
{
    /// <summary>Whether the request succeeded (a behaviour commits its work only then).</summary>
    bool IsSuccess { get; }

    static abstract TSelf Failure(Error error);
}
