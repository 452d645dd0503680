using System.Globalization;
using RefundSaver.Application.Common.Paging;
using RefundSaver.Application.Common.Results;

namespace RefundSaver.Api.Endpoints;

internal static class PagingQuery
{
    /// <summary><c>?page=&amp;page_size=</c>, read by hand so that a non-number gets the API's error shape.</summary>
    public static Result<PageRequest> Read(HttpRequest request)
    {
        List<ErrorDetail> errors = [];
        var page = ReadInt(request, "page", 1, errors);
        var pageSize = ReadInt(request, "page_size", PageRequest.DefaultPageSize, errors);
        return errors.Count == 0 ? new PageRequest(page, pageSize) : Error.Validation(errors);
    }

    private static int ReadInt(HttpRequest request, string name, int fallback, List<ErrorDetail> errors)
    {
        string? raw = request.Query[name];
        if (raw is null)
        {
            return fallback;
        }

        if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add(new ErrorDetail(name, ["A valid integer is required."]));
        return fallback;
    }
}
