using System.Reflection;

namespace RefundSaver.UnitTests.Application.Dispatching;

/// <summary>
/// Test-only: builds entities that production creates or changes only in SQL (<c>ConsumptionRequest</c>,
/// <c>AppStoreTransaction</c>, a profile's settings) by calling their private constructor and setting their private setters by
/// reflection, so that the domain keeps no public setters for the tests' sake.
/// </summary>
internal static class EntityBuilder
{
    /// <summary>A blank entity, through its private parameterless constructor.</summary>
    public static T Create<T>()
        where T : class =>
        (T)(Activator.CreateInstance(typeof(T), nonPublic: true)
            ?? throw new InvalidOperationException($"{typeof(T).Name} could not be created."));

    /// <summary>Sets <paramref name="property"/> (use <c>nameof</c>) and returns the entity, for chaining.</summary>
    /// <exception cref="InvalidOperationException">The entity has no settable property of that name.</exception>
    public static T With<T>(this T entity, string property, object? value)
        where T : class
    {
        var info = typeof(T).GetProperty(property, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);
        var setter = info?.GetSetMethod(nonPublic: true)
            ?? throw new InvalidOperationException($"{typeof(T).Name} has no settable property '{property}'.");
        setter.Invoke(entity, [value]);
        return entity;
    }
}
