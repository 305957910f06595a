namespace Portal.Features.Accounts;

/// <summary>Where to go after signing in or out: a path on this portal, never another site.</summary>
public static class SafeReturnUrl
{
    /// <summary>
    /// The given address when it is a local path (<c>/sessions/ga/75</c>); "/" for anything else:
    /// <c>//evil.example</c>, <c>/\evil.example</c>, <c>https://…</c>, control characters.
    /// </summary>
    public static string From(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl) || returnUrl.Length > 2000 || returnUrl[0] != '/')
        {
            return "/";
        }
        if (returnUrl.Length > 1 && (returnUrl[1] == '/' || returnUrl[1] == '\\'))
        {
            return "/";
        }
        return returnUrl.Any(c => char.IsControl(c) || c == '\\') ? "/" : returnUrl;
    }
}
