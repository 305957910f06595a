using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Portal.Domain;
using Portal.Tests.Accessibility;
using Portal.Tests.Support;

namespace Portal.Tests.Localization;

/// <summary>
/// Every kind of page, rendered in each of the five other interface languages, shows none of the
/// English resource file's strings (as text or in aria-label, title, placeholder and alt) where the
/// language's own file has other words. Text marked with another language (a document's English
/// version, a language's own name) is the document's or the language's, not the interface's.
/// </summary>
public partial class UntranslatedTextTests(UntranslatedTextTests.Fixture fixture) : IClassFixture<UntranslatedTextTests.Fixture>
{
    public sealed class Fixture : PortalAppFactory;

    private static readonly string[] TextAttributes = ["aria-label", "title", "placeholder", "alt"];

    /// <summary>Messages and controls the pages above do not show: filters in force, empty results, the search's introduction, a day with nothing released.</summary>
    private static readonly string[] StatesOfPages =
    [
        "/search",
        "/search?q=Demoland&organ=ga&lang=fr&kind=letter",
        "/search?q=zzqqxxnothing",
        "/search?q=a+or+NOT",
        "/sessions/ga/75/items/71?kind=resolution&lang=ru",
        "/today?date=2021-05-07&organ=ga&lang=en",
        "/today?date=not-a-date",
        "/fr/A/75/950",
        "/A/75/300/compare?left=en&right=zh",
        // A reference to a document the portal does not hold, which opens undocs.org.
        "/A/76/120",
        // The account and alert pages open to everyone, and the messages they show for links that are incomplete or used up.
        "/account/sign-in/two-factor",
        "/account/sign-in/recovery-code",
        "/account/reset-password",
        "/account/reset-password?email=someone%40un.example&code=bm90LWEtdG9rZW4",
        "/account/access-denied",
        "/alerts/confirm/no-such-token",
        "/alerts/unsubscribe/no-such-token",
    ];

    /// <summary>Every public and signed-out page the scans visit, without those that choose their own interface language.</summary>
    internal static IEnumerable<string> ScannedPages =>
        AccessibilityPages.All.Concat(AccessibilityPages.SignedOutAccountPages).Select(p => p.Data)
            .Where(p => !p.Contains("ui=", StringComparison.Ordinal)).Concat(StatesOfPages);

    /// <summary>Each of <see cref="ScannedPages"/> in each of <paramref name="languages"/>.</summary>
    internal static TheoryData<string, string> InEachLanguage(IEnumerable<string> languages)
    {
        var data = new TheoryData<string, string>();
        foreach (var language in languages)
        {
            foreach (var path in ScannedPages)
            {
                data.Add(language, path);
            }
        }
        return data;
    }

    public static TheoryData<string, string> PagesInEachLanguage =>
        InEachLanguage(UnLanguage.All.Where(l => l != UnLanguage.English).Select(l => l.Code));

    [Theory]
    [MemberData(nameof(PagesInEachLanguage))]
    public async Task NoEnglishInterfaceTextIsLeftOnThePage(string language, string path)
    {
        using var client = fixture.CreateClient(new() { HandleCookies = false });
        using var response = await client.GetAsync(path + (path.Contains('?') ? "&" : "?") + "ui=" + language);
        AssertNoEnglishLeft(await response.Content.ReadAsStringAsync(), language, path);
    }

    /// <summary>Fails naming each English interface string left on the page <paramref name="html"/>, which must be in <paramref name="language"/>.</summary>
    internal static void AssertNoEnglishLeft(string html, string language, string path)
    {
        var document = new HtmlParser().ParseDocument(html);
        Assert.Equal(language, document.DocumentElement.GetAttribute("lang"));

        var untranslated = UntranslatedStrings(language);
        var found = InterfaceTexts(document, language)
            .Where(text => untranslated.Any(pattern => pattern.IsMatch(text)))
            .Distinct()
            .ToList();

        Assert.True(found.Count == 0, $"{path} in {language} shows English: {string.Join(" | ", found)}");
    }

    /// <summary>The rendered interface's own text: text nodes and text attributes outside any element marked with another language.</summary>
    private static IEnumerable<string> InterfaceTexts(IDocument document, string language)
    {
        bool Foreign(IElement element) =>
            element.Closest("[lang]")?.GetAttribute("lang") is { } lang && !lang.Equals(language, StringComparison.OrdinalIgnoreCase);

        foreach (var element in document.Body!.QuerySelectorAll("*").Where(e => e.LocalName is not ("script" or "style" or "template")))
        {
            if (Foreign(element))
            {
                continue;
            }
            foreach (var node in element.ChildNodes.OfType<IText>())
            {
                if (node.Data.Trim() is { Length: > 0 } text)
                {
                    yield return text;
                }
            }
            foreach (var attribute in TextAttributes)
            {
                if (element.GetAttribute(attribute)?.Trim() is { Length: > 0 } value)
                {
                    yield return value;
                }
            }
        }
        if (document.Title is { Length: > 0 } title)
        {
            yield return title.Trim();
        }
    }

    /// <summary>
    /// English strings the language's own file does not also use (French "{0} documents" is French too),
    /// as whole-text patterns: a placeholder stands for
    /// anything, or for a number in a counted noun ("{0} documents"). Formats that are only
    /// placeholders and punctuation ("{0}, {1}") say nothing about the language and are left out.
    /// </summary>
    private static List<Regex> UntranslatedStrings(string language)
    {
        var translated = InterfaceTextTests.Strings(CultureInfo.GetCultureInfo(language));
        var ownWords = translated.Values.ToHashSet();
        return InterfaceTextTests.English
            .Where(e => !ownWords.Contains(e.Value) && !JoinDataWithOneWord.Contains(e.Key))
            .Where(e => Placeholder().Replace(e.Value, "").Any(char.IsLetter))
            .Select(e => new Regex(
                "^" + string.Join(e.Key.Contains('.') ? @"[\d\s.,\u00A0\u202F]+" : ".+?", Placeholder().Split(e.Value.Trim()).Select(Regex.Escape)) + "$",
                RegexOptions.CultureInvariant))
            .ToList();
    }

    /// <summary>
    /// Names of documents without a symbol ("{0} dated {1} from {2}"): data joined by one English word, so their pattern
    /// also matches English titles the catalogue holds ("Letter dated 3 May 2021 from the Permanent Representative…"),
    /// which a scan cannot tell from interface text. <c>DocumentNamesTests</c> checks them in each language instead.
    /// </summary>
    private static readonly HashSet<string> JoinDataWithOneWord =
        ["DocumentNameDated", "DocumentNameDatedFrom", "DocumentNameIssued", "DocumentNameIssuedFrom", "DocumentNameFrom"];

    [GeneratedRegex(@"\{\d+(?::[^}]*)?\}")]
    private static partial Regex Placeholder();
}
