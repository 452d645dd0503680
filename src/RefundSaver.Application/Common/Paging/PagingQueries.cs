using Microsoft.EntityFrameworkCore;

namespace RefundSaver.Application.Common.Paging;

internal static class PagingQueries
{
    /// <summary>One page of an ordered query, fetching one item more to know whether another page follows.</summary>
    public static async Task<Page<TDto>> ToPageAsync<TEntity, TDto>(
        this IOrderedQueryable<TEntity> ordered, PageRequest request, Func<TEntity, TDto> map, CancellationToken cancellationToken)
    {
        var fetched = await ordered.Skip(request.Skip).Take(request.PageSize + 1).ToListAsync(cancellationToken);
        return Page<TDto>.From(fetched.Select(map).ToList(), request);
    }
}
