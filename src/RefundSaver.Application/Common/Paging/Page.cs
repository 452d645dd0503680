namespace RefundSaver.Application.Common.Paging;

/// <summary>One page of a list, and whether another follows.</summary>
public sealed record Page<T>(IReadOnlyList<T> Data, int PageNumber, int PageSize, bool HasMore)
{
    /// <summary>From a query that fetched one item more than the page holds.</summary>
    public static Page<T> From(IReadOnlyList<T> fetched, PageRequest request) =>
        new(fetched.Take(request.PageSize).ToList(), request.Page, request.PageSize, fetched.Count > request.PageSize);
}
