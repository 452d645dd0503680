namespace RefundSaver.Domain.Common;

/// <summary>
/// A value that may have been left out, which is not the same as an explicit null: a PATCH-style
/// request leaves a field unchanged when it is left out and resets it when it is null.
/// </summary>
public readonly record struct Optional<T>
{
    private readonly T _value;

    private Optional(T value)
    {
        _value = value;
        HasValue = true;
    }

    public static Optional<T> Unset => default;

    public bool HasValue { get; }

    public T Value => HasValue ? _value : throw new InvalidOperationException("The optional value was left out.");

    public static Optional<T> Of(T value) => new(value);

    public T GetValueOr(T fallback) => HasValue ? _value : fallback;

    public Optional<TResult> Map<TResult>(Func<T, TResult> map) =>
        HasValue ? Optional<TResult>.Of(map(_value)) : Optional<TResult>.Unset;
}
