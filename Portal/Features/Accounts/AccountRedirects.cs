using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;

namespace Portal.Features.Accounts;

/// <summary>
/// Redirects from the server-rendered account pages. With BlazorDisableThrowNavigationException on,
/// NavigateTo during server rendering records the redirect and returns, so callers return right after.
/// </summary>
public sealed class AccountRedirects(NavigationManager navigation)
{
    /// <summary>Redirects to a local path only; anything else (another site, <c>//host</c>) goes home.</summary>
    public void RedirectTo(string? localPath) => navigation.NavigateTo(SafeReturnUrl.From(localPath));

    public void RedirectTo(string localPath, IReadOnlyDictionary<string, string?> query) =>
        RedirectTo(QueryHelpers.AddQueryString(localPath, query.Where(p => !string.IsNullOrEmpty(p.Value))));
}
