using System.Net;
using System.Text.RegularExpressions;
using Portal.Localization;
using Portal.Tests.Support;

namespace Portal.Tests.Localization;

/// <summary>
/// How a request's interface language is chosen (<c>?ui=</c>, then the cookie, then Accept-Language),
/// remembered and switched, over HTTP through the real app; and that it stays apart from the document
/// language of a permalink such as <c>/zh/A/75/778</c>.
/// </summary>
public partial class InterfaceLanguageTests(InterfaceLanguageTests.Fixture fixture) : IClassFixture<InterfaceLanguageTests.Fixture>
{
    public sealed class Fixture : PortalAppFactory;

    private async Task<HttpResponseMessage> GetAsync(string path, string? acceptLanguage = null, string? cookie = null)
    {
        using var client = fixture.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptLanguage is not null)
        {
            request.Headers.Add("Accept-Language", acceptLanguage);
        }
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }
        return await client.SendAsync(request);
    }

    private static async Task<(string Lang, string Dir)> HtmlLanguageAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var match = HtmlElement().Match(html);
        Assert.True(match.Success, "the page has an <html lang dir> element");
        return (match.Groups["lang"].Value, match.Groups["dir"].Value);
    }

    private static string? CultureCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.FirstOrDefault(v => v.StartsWith(InterfaceLanguage.CookieName + "=", StringComparison.Ordinal))
            : null;

    [Theory]
    [InlineData(null, "en", "ltr")]
    [InlineData("fr-FR,fr;q=0.9,en;q=0.8", "fr", "ltr")]
    [InlineData("de-DE,de;q=0.9,ru;q=0.8,en;q=0.5", "ru", "ltr")]
    [InlineData("zh-TW", "zh", "ltr")]
    [InlineData("ar-EG,ar;q=0.9", "ar", "rtl")]
    [InlineData("es-419", "es", "ltr")]
    [InlineData("de-DE", "en", "ltr")]
    public async Task AcceptLanguageChoosesTheFirstUnLanguageTheBrowserAsksFor(string? acceptLanguage, string lang, string dir)
    {
        using var response = await GetAsync("/", acceptLanguage);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((lang, dir), await HtmlLanguageAsync(response));
        Assert.Null(CultureCookie(response));
    }

    [Theory]
    [InlineData("ar")]
    [InlineData("zh")]
    [InlineData("fr")]
    [InlineData("ru")]
    [InlineData("es")]
    public void NegativeNumbersKeepAPlainMinusSoMarkupStaysValid(string language)
    {
        var culture = InterfaceLanguage.FormattingCulture(Portal.Domain.UnLanguage.FromCode(language));

        Assert.Equal("-1", (-1).ToString(culture));
        Assert.Equal("2021", 2021.ToString(culture));
    }

    [Fact]
    public async Task AUiParameterWinsOverAcceptLanguageAndIsRememberedForTheLivePage()
    {
        using var response = await GetAsync("/sessions?ui=ar", acceptLanguage: "fr");

        Assert.Equal(("ar", "rtl"), await HtmlLanguageAsync(response));
        var cookie = CultureCookie(response);
        Assert.NotNull(cookie);
        Assert.Contains("uic%3Dar", cookie);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("ar", response.Content.Headers.ContentLanguage);
    }

    [Fact]
    public async Task TheRememberedChoiceWinsOverAcceptLanguageAndIsNotSetAgain()
    {
        using var first = await GetAsync("/?ui=zh");
        var cookie = CultureCookie(first)!.Split(';')[0];

        using var next = await GetAsync("/sessions", acceptLanguage: "ru", cookie: cookie);

        Assert.Equal(("zh", "ltr"), await HtmlLanguageAsync(next));
        Assert.Null(CultureCookie(next));
    }

    [Theory]
    [InlineData("/?ui=xx")]
    [InlineData("/?ui=")]
    [InlineData("/?ui=fr&ui=ru")]
    [InlineData("/?ui=%00%01")]
    public async Task AnUnknownUiValueIsIgnored(string path)
    {
        using var response = await GetAsync(path, acceptLanguage: "es");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("es", (await HtmlLanguageAsync(response)).Lang);
        Assert.Null(CultureCookie(response));
    }

    [Fact]
    public async Task TheDocumentLanguageOfAPermalinkIsNotTheInterfaceLanguage()
    {
        using var chineseVersion = await GetAsync("/zh/A/75/778", acceptLanguage: "en");
        using var frenchInterface = await GetAsync("/zh/A/75/778?ui=fr", acceptLanguage: "en");

        Assert.Equal(HttpStatusCode.OK, chineseVersion.StatusCode);
        Assert.Equal("en", (await HtmlLanguageAsync(chineseVersion)).Lang);
        Assert.Contains("lang=\"zh\"", await chineseVersion.Content.ReadAsStringAsync());
        Assert.Equal("fr", (await HtmlLanguageAsync(frenchInterface)).Lang);
        Assert.Contains("lang=\"zh\"", await frenchInterface.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/interface-language?language=fr&return=/sessions/ga/75", "/sessions/ga/75")]
    [InlineData("/interface-language?language=fr&return=%2Fsearch%3Fq%3Dmines%26ui%3Den%26page%3D2", "/search?q=mines&page=2")]
    [InlineData("/interface-language?language=FR&return=//evil.example/", "/")]
    [InlineData("/interface-language?language=fr&return=/%5Cevil.example/", "/")]
    [InlineData("/interface-language?language=fr&return=https://evil.example/", "/")]
    [InlineData("/interface-language?language=fr", "/")]
    public async Task TheSwitcherRemembersTheChoiceAndGoesBackToTheSamePageOnly(string path, string location)
    {
        using var response = await GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(location, response.Headers.Location?.OriginalString);
        Assert.Contains("uic%3Dfr", CultureCookie(response));
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
    }

    [Theory]
    [InlineData("/interface-language?language=de&return=/")]
    [InlineData("/interface-language?return=/")]
    public async Task TheSwitcherRefusesALanguageThatIsNotOneOfTheSix(string path)
    {
        using var response = await GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("is not one of the six interface languages", await response.Content.ReadAsStringAsync());
        Assert.Null(CultureCookie(response));
    }

    [Fact]
    public async Task TheAppBarOffersTheSixLanguagesAndComesBackToTheSamePage()
    {
        using var response = await GetAsync("/sessions/ga/75?ui=ru");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("<form method=\"get\" action=\"/interface-language\"", html);
        Assert.Contains("<input type=\"hidden\" name=\"return\" value=\"/sessions/ga/75?ui=ru\"", html);
        foreach (var code in new[] { "ar", "zh", "en", "fr", "ru", "es" })
        {
            Assert.Contains($"name=\"language\" value=\"{code}\" lang=\"{code}\"", html);
        }
        Assert.Contains("Язык интерфейса", html);
    }

    [GeneratedRegex("""<html lang="(?<lang>[^"]*)" dir="(?<dir>[^"]*)">""")]
    private static partial Regex HtmlElement();
}
