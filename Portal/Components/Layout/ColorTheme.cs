using Portal.Infrastructure;
using Portal.Localization;

namespace Portal.Components.Layout;

/// <summary>
/// Light or dark, as the visitor chose it with the app bar's switch (<see cref="ThemeToggle"/>), remembered in a
/// cookie; without a choice the page follows the system's <c>prefers-color-scheme</c> (<see cref="ThemeStyles"/>).
/// The server writes the choice on <c>&lt;html data-theme&gt;</c>, so a page is painted in its theme from the first
/// frame, with or without a circuit.
/// </summary>
public static class ColorTheme
{
    public const string CookieName = "portal-theme";
    public const string Attribute = "data-theme";
    public const string Light = "light";
    public const string Dark = "dark";

    /// <summary><c>/interface-theme?theme=dark&amp;return=/A/75/778</c>: remembers the choice and goes back.</summary>
    public const string SwitchPath = "/interface-theme";

    /// <summary>The visitor's choice, <see cref="Light"/> or <see cref="Dark"/>, or null to follow the system.</summary>
    public static string? Chosen(HttpContext? context) =>
        context?.Request.Cookies[CookieName] is { } value && IsTheme(value) ? value : null;

    private static bool IsTheme(string? value) => value is Light or Dark;

    public static WebApplication MapColorThemeSwitch(this WebApplication app)
    {
        app.MapGet(SwitchPath, Switch);
        return app;
    }

    private static IResult Switch(HttpContext context, string? theme, string? @return)
    {
        if (!IsTheme(theme))
        {
            return TypedResults.Problem(
                $"“{InputEcho.Shorten(theme ?? "")}” is not a theme: ask for “{Light}” or “{Dark}”.",
                statusCode: StatusCodes.Status400BadRequest);
        }
        context.Response.Cookies.Append(CookieName, theme!, InterfaceLanguage.PreferenceCookie(context));
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Redirect(InterfaceLanguage.LocalReturnPath(@return));
    }
}
