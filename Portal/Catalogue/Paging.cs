namespace Portal.Catalogue;

/// <summary>The page arithmetic every paged list shares: sizes within bounds, a page that exists.</summary>
public static class Paging
{
    public const int MinPageSize = 5;
    public const int MaxPageSize = 200;

    public static int ClampPageSize(int pageSize) => Math.Clamp(pageSize, MinPageSize, MaxPageSize);

    public static int PageCount(int total, int pageSize) => Math.Max(1, (total + pageSize - 1) / pageSize);

    /// <summary>The requested page, or the nearest one that exists (the last, past the end).</summary>
    public static int ClampPage(int page, int total, int pageSize) => Math.Clamp(page, 1, PageCount(total, pageSize));
}

/// <summary>One page of a list, with what a pager needs.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int TotalCount, int Page, int PageSize)
{
    public int PageCount => Paging.PageCount(TotalCount, PageSize);
}
