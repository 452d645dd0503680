namespace RefundSaver.Hosting;

/// <summary>Resources could not be started; the message names each one with its cause.</summary>
public sealed class DistributedApplicationException(string message) : Exception(message);
