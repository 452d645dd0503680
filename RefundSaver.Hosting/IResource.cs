namespace RefundSaver.Hosting;

/// <summary>Something the AppHost runs or points at, known by a unique name (Aspire's IResource).</summary>
public interface IResource
{
    string Name { get; }
}
