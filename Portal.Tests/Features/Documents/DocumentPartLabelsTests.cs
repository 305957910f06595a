using AngleSharp.Html.Parser;
using Portal.Features.Documents;
using Portal.Tests.Support;

namespace Portal.Tests.Features.Documents;

/// <summary>
/// The names a document's parts carry (header, signatures, footnotes, the way back from a note) and the
/// "(Signed)" mark are in the version's language, as the UN prints it (HeaderText), whatever the interface
/// language: a Chinese version's footnotes are announced in Chinese inside an English or French page.
/// </summary>
public sealed class DocumentPartLabelsTests(DocumentPartLabelsTests.Fixture fixture) : IClassFixture<DocumentPartLabelsTests.Fixture>
{
    public sealed class Fixture : PortalAppFactory;

    public static TheoryData<string, string, string> Versions => new()
    {
        // The seed letter's Chinese text (it has no symbol): signatures and footnotes in its annex.
        { "/documents/1/zh", "zh", "en" },
        { "/documents/1/zh", "zh", "fr" },
        { "/A/75/950", "en", "ar" },
        { "/fr/A/75/950", "fr", "en" },
        { "/ar/A/75/950", "ar", "en" },
        { "/es/A/75/960", "es", "ru" },
    };

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task APartsNamesAreInTheVersionsLanguage(string path, string language, string ui)
    {
        using var client = fixture.CreateClient();
        var html = await client.GetStringAsync(path + "?ui=" + ui);
        var article = new HtmlParser().ParseDocument(html).QuerySelector("article.un-document")!;
        Assert.Equal(language, article.GetAttribute("lang"));
        var words = HeaderText.For(language);

        Assert.Equal(words.HeaderLabel, article.QuerySelector("header.un-header")!.GetAttribute("aria-label"));
        var signatures = article.QuerySelectorAll(".signatories");
        Assert.NotEmpty(signatures);
        Assert.All(signatures, s => Assert.Equal(words.SignaturesLabel, s.GetAttribute("aria-label")));
        Assert.All(article.QuerySelectorAll(".signed"), s => Assert.Equal(words.SignedMark, s.TextContent));
        Assert.All(article.QuerySelectorAll("aside.footnotes"), f => Assert.Equal(words.FootnotesLabel, f.GetAttribute("aria-label")));
        Assert.All(article.QuerySelectorAll(".footnote-back"), b => Assert.Equal(words.BackToTextLabel, b.GetAttribute("aria-label")));
        Assert.All(article.QuerySelectorAll("sup.footnote-ref a"), call =>
            Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, words.FootnoteCallLabel, call.TextContent), call.GetAttribute("aria-label")));
        if (language == "zh")
        {
            Assert.NotEmpty(article.QuerySelectorAll("aside.footnotes .footnote-back"));
            Assert.NotEmpty(article.QuerySelectorAll("sup.footnote-ref a"));
        }
        if (language != "en")
        {
            var english = HeaderText.For("en");
            string[] ownNames = [words.HeaderLabel, words.SignaturesLabel, words.FootnotesLabel, words.BackToTextLabel, words.SignedMark];
            // English names the language does not share ("Signatures" is French too).
            var englishNames = new[] { english.HeaderLabel, english.SignaturesLabel, english.FootnotesLabel, english.BackToTextLabel, english.SignedMark }.Except(ownNames);
            var names = article.QuerySelectorAll("[aria-label]").Select(e => e.GetAttribute("aria-label")!)
                .Concat(article.QuerySelectorAll(".signed").Select(e => e.TextContent));
            Assert.Empty(names.Intersect(englishNames));
        }
    }
}
