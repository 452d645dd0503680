namespace RefundSaver.Application.Common.Paging;

/// <summary>Which page of a list, newest first; pages count from 1.</summary>
public sealed record PageRequest(int Page, int PageSize)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public int Skip => (Page - 1) * PageSize;
}
