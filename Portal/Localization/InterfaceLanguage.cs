using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.WebUtilities;
using Portal.Domain;
using Portal.Infrastructure;

namespace Portal.Localization;

/// <summary>
/// The language of the portal's own words, one of the six UN languages, chosen per visitor: a
/// <c>?ui=fr</c> parameter (so a link can carry it), else the choice remembered in a cookie (the
/// switcher in the app bar, a form sent to <see cref="SwitchPath"/>), else the browser's Accept-Language, else
/// English. It is a separate choice from a document's language version: <c>/zh/A/75/778</c> shows the
/// Chinese version in whatever interface language the visitor reads.
/// </summary>
/// <remarks>
/// A Blazor Server circuit takes its culture from the request that opens its connection
/// (<c>/_blazor</c>), which carries cookies but not the page's query string; so a valid <c>?ui=</c>
/// is also written to the cookie, or the live page would switch back to Accept-Language once the
/// circuit starts (the approach ASP.NET Core's Blazor localization documentation recommends).
/// </remarks>
public static class InterfaceLanguage
{
    public const string QueryKey = "ui";

    public static readonly string CookieName = CookieRequestCultureProvider.DefaultCookieName;

    /// <summary><c>/interface-language?language=fr&amp;return=/A/75/778</c>: remembers the choice and goes back.</summary>
    public const string SwitchPath = "/interface-language";

    /// <summary>The interface language of the current request or circuit.</summary>
    public static UnLanguage Current => Of(CultureInfo.CurrentUICulture);

    public static UnLanguage Of(CultureInfo culture) =>
        UnLanguage.TryParse(culture.TwoLetterISOLanguageName, out var language) ? language : UnLanguage.English;

    /// <summary>
    /// How dates and numbers are written: British English for English, as the UN writes it
    /// ("30 March 2021"); the language's own conventions otherwise (Gregorian calendar for Arabic).
    /// </summary>
    public static CultureInfo FormattingCulture(UnLanguage language) => FormattingCultures[language.Code];

    private static readonly IReadOnlyDictionary<string, CultureInfo> FormattingCultures =
        UnLanguage.All.ToDictionary(l => l.Code, l => l == UnLanguage.English ? CultureInfo.GetCultureInfo("en-GB") : WithPlainSigns(l.Code));

    /// <summary>
    /// ICU's Arabic signs carry an Arabic letter mark ("\u061C-1"): every integer the page renders went
    /// out that way, markup too (MudBlazor's tabindex="-1" became an invalid attribute value). Plain
    /// signs keep numbers valid wherever they land; the mark is for running text, where bidi isolation
    /// does the same work.
    /// </summary>
    private static CultureInfo WithPlainSigns(string name)
    {
        var culture = (CultureInfo)CultureInfo.GetCultureInfo(name).Clone();
        culture.NumberFormat.NegativeSign = "-";
        culture.NumberFormat.PositiveSign = "+";
        return CultureInfo.ReadOnly(culture);
    }

    /// <summary>A language's name in the current interface language: "French", "français", "法文" (its own name is <see cref="UnLanguage.NativeName"/>).</summary>
    public static string NameOf(UnLanguage language) => InterfaceText.Get("Language_" + language.Code);

    public static CultureInfo InterfaceCulture(UnLanguage language) => CultureInfo.GetCultureInfo(language.Code);

    /// <summary>A date in running text, in the current interface language: "15 September 2020", "2020年9月15日", "15 de septiembre de 2020".</summary>
    public static string LongDate(DateOnly date)
    {
        var language = Current;
        var pattern = language.Code switch
        {
            "zh" => "yyyy'年'M'月'd'日'",
            "es" => "d 'de' MMMM 'de' yyyy",
            _ => "d MMMM yyyy",
        };
        return date.ToString(pattern, FormattingCulture(language));
    }

    public static IServiceCollection AddInterfaceLanguages(this IServiceCollection services)
    {
        services.AddLocalization();
        services.AddTransient<MudBlazor.MudLocalizer, PortalMudLocalizer>();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(FormattingCulture(UnLanguage.English), InterfaceCulture(UnLanguage.English));
            options.SupportedCultures = UnLanguage.All.Select(FormattingCulture).ToList();
            options.SupportedUICultures = UnLanguage.All.Select(InterfaceCulture).ToList();
            options.RequestCultureProviders = [new InterfaceLanguageProvider()];
            options.ApplyCurrentCultureToResponseHeaders = true;
        });
        return services;
    }

    /// <summary>Sets each request's culture and remembers a <c>?ui=</c> choice; maps the switcher's endpoint.</summary>
    public static WebApplication UseInterfaceLanguages(this WebApplication app)
    {
        app.UseRequestLocalization();
        app.Use(RememberQueryChoice);
        app.MapGet(SwitchPath, Switch);
        return app;
    }

    private static Task RememberQueryChoice(HttpContext context, RequestDelegate next)
    {
        if (context.Request.Query.TryGetValue(QueryKey, out var values) && values.Count == 1
            && UnLanguage.TryParse(values[0], out var language))
        {
            Remember(context, language);
        }
        return next(context);
    }

    private static IResult Switch(HttpContext context, string? language, string? @return)
    {
        if (!UnLanguage.TryParse(language, out var chosen))
        {
            return TypedResults.Problem(
                $"“{InputEcho.Shorten(language ?? "")}” is not one of the six interface languages (ar, zh, en, fr, ru, es).",
                statusCode: StatusCodes.Status400BadRequest);
        }
        Remember(context, chosen);
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Redirect(LocalReturnPath(@return));
    }

    /// <summary>A path on this site only (never <c>//host</c> or <c>/\host</c>), without a <c>ui</c> parameter that would override the new choice.</summary>
    internal static string LocalReturnPath(string? path)
    {
        if (string.IsNullOrEmpty(path) || path[0] != '/' || (path.Length > 1 && path[1] is '/' or '\\') || path.Any(char.IsControl))
        {
            return "/";
        }
        var queryStart = path.IndexOf('?');
        if (queryStart < 0)
        {
            return path;
        }
        var query = QueryHelpers.ParseQuery(path[queryStart..]);
        query.Remove(QueryKey);
        return QueryHelpers.AddQueryString(path[..queryStart], query);
    }

    private static void Remember(HttpContext context, UnLanguage language)
    {
        var value = CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(FormattingCulture(language), InterfaceCulture(language)));
        if (context.Request.Cookies[CookieName] == value)
        {
            return;
        }
        context.Response.Cookies.Append(CookieName, value, PreferenceCookie(context));
    }

    /// <summary>How a visitor's choice of the interface (language, theme) is kept: a year, site-wide, out of script's reach.</summary>
    public static CookieOptions PreferenceCookie(HttpContext context) => new()
    {
        Path = "/",
        MaxAge = TimeSpan.FromDays(365),
        HttpOnly = true,
        IsEssential = true,
        SameSite = SameSiteMode.Lax,
        Secure = context.Request.IsHttps,
    };

    /// <summary>
    /// The first of the query parameter, the cookie and Accept-Language (in the order of its quality
    /// values) that names a UN language, in any regional form (<c>fr-CA</c>, <c>zh-Hant-TW</c>).
    /// </summary>
    private sealed class InterfaceLanguageProvider : RequestCultureProvider
    {
        private readonly RequestCultureProvider[] _sources =
        [
            new QueryStringRequestCultureProvider { QueryStringKey = QueryKey, UIQueryStringKey = QueryKey },
            new CookieRequestCultureProvider { CookieName = CookieName },
            new AcceptLanguageHeaderRequestCultureProvider { MaximumAcceptLanguageHeaderValuesToTry = 10 },
        ];

        public override async Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
        {
            foreach (var source in _sources)
            {
                var result = await source.DetermineProviderCultureResult(httpContext);
                foreach (var name in result?.UICultures ?? [])
                {
                    var primary = name.Value?.Split('-', 2)[0];
                    if (UnLanguage.TryParse(primary, out var language))
                    {
                        return new ProviderCultureResult(FormattingCulture(language).Name, language.Code);
                    }
                }
            }
            return null;
        }
    }
}
