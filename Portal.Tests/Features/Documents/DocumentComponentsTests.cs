using Bunit;
using Microsoft.EntityFrameworkCore;
using Portal.Data.Entities;
using Portal.Features.Documents;
using Portal.Infrastructure;
using Portal.Tests.Support;

namespace Portal.Tests.Features.Documents;

/// <summary>The header, references panel and body components, rendered from real query results.</summary>
public class DocumentComponentsTests : MudTestContext
{
    private static async Task<DocumentDetail> DetailAsync(Func<Portal.Data.PortalDbContext, Task<int>> pick, string? language = null)
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        int id;
        await using (var db = database.CreateDbContext())
        {
            id = await pick(db);
        }
        return (await new DocumentQueries(database).GetAsync(id, language, Viewers.Public))!;
    }

    private static Task<DocumentDetail> SeedLetterAsync() =>
        DetailAsync(db => db.Documents.Where(d => d.Sender == "Armenia").Select(d => d.Id).SingleAsync());

    private static Task<DocumentDetail> BySymbolAsync(string key, string? language = null) =>
        DetailAsync(db => db.DocumentSymbols.Where(s => s.Key == key).Select(s => s.DocumentId).SingleAsync(), language);

    [Fact]
    public async Task ChineseHeaderReadsAsTheSeedLetterPrintsIt()
    {
        var detail = await SeedLetterAsync();

        var header = Render<DocumentHeader>(p => p.Add(c => c.Document, detail.Printed()));

        Assert.Equal("zh", detail.Language);
        Assert.Equal("联合国", header.Find(".un-name").TextContent);
        Assert.Equal(["大会", "安全理事会"], header.FindAll(".un-organ").Select(e => e.TextContent));
        Assert.Equal("Symbol not known", header.Find(".un-symbols").TextContent.Trim());
        Assert.Equal("第七十五届会议 / 第七十六年", header.Find(".un-sessions").TextContent.Trim());
        Assert.Equal("议程项目 34、71、72 和 135", header.Find(".un-agenda-numbers").TextContent.Trim());
        // UN Chinese versions print the Distr./date/Original block in English.
        var block = header.Find(".un-distribution");
        Assert.Equal("en", block.GetAttribute("lang"));
        Assert.Equal("Distr.: General", header.Find(".un-distr").TextContent);
        Assert.Equal("30 March 2021", header.Find(".un-date").TextContent.Trim());
        Assert.DoesNotContain("dated", block.TextContent);
        Assert.Equal("Chinese", header.Find(".un-version-language").TextContent);
        Assert.Equal("Original: not stated", header.Find(".un-original").TextContent);
        var items = header.FindAll(".un-agenda-titles a");
        Assert.Equal("/sessions/ga/75/items/71", items[1].GetAttribute("href"));
        Assert.Contains("人民自决的权利", items[1].TextContent);
    }

    [Fact]
    public async Task ArabicHeaderIsInArabicRightToLeftWithTheSymbolIsolated()
    {
        var detail = await BySymbolAsync("A/75/950", "ar");

        var view = Render<DocumentView>(p => p.Add(c => c.Document, detail.Printed()));

        Assert.Equal("rtl", view.Find("article.un-document").GetAttribute("dir"));
        Assert.Equal("الأمم المتحدة", view.Find(".un-name").TextContent);
        Assert.Equal("الجمعية العامة", view.Find(".un-organ").TextContent);
        Assert.Equal("الدورة الخامسة والسبعون", view.Find(".un-sessions").TextContent.Trim());
        Assert.Equal("البند 71 من جدول الأعمال", view.Find(".un-agenda-numbers").TextContent.Trim());
        var symbol = view.Find(".un-symbols bdi.symbol");
        Assert.Equal("ltr", symbol.GetAttribute("dir"));
        Assert.Equal("A/75/950", symbol.TextContent);
        var block = view.Find(".un-distribution");
        Assert.Equal("ltr", block.GetAttribute("dir"));
        Assert.Equal("Arabic", view.Find(".un-version-language").TextContent);
    }

    [Fact]
    public async Task FrenchHeaderTranslatesTheDistributionBlock()
    {
        var detail = await BySymbolAsync("A/75/950", "fr");

        var header = Render<DocumentHeader>(p => p.Add(c => c.Document, detail.Printed()));

        Assert.Equal("Assemblée générale", header.Find(".un-organ").TextContent);
        Assert.Equal("Soixante-quinzième session", header.Find(".un-sessions").TextContent.Trim());
        Assert.Equal("Point 71 de l’ordre du jour", header.Find(".un-agenda-numbers").TextContent.Trim());
        Assert.Equal("fr", header.Find(".un-distribution").GetAttribute("lang"));
        Assert.Equal("Distr. générale", header.Find(".un-distr").TextContent);
        Assert.Equal("Français", header.Find(".un-version-language").TextContent);
    }

    [Fact]
    public async Task HeaderPrintsJointSymbolsWithAnEnDashAndTheOriginalLanguage()
    {
        var detail = await BySymbolAsync("A/75/960");

        var header = Render<DocumentHeader>(p => p.Add(c => c.Document, detail.Printed()));

        Assert.Equal("A/75/960\u2013S/2021/600", header.Find(".un-symbols .symbol").TextContent);
        Assert.Equal("Original: Spanish", header.Find(".un-original").TextContent);
        Assert.Null(header.FindAll(".un-version-language").FirstOrDefault());
        Assert.Contains("14 June 2021", header.Find(".un-distribution").TextContent);
    }

    [Fact]
    public async Task ReferencesPanelLinksHeldDocumentsAndShowsTheThread()
    {
        var detail = await SeedLetterAsync();

        var panel = Render<CrossReferenceList>(p => p.Add(c => c.References, detail.References));

        Assert.Contains("Replies to", panel.Markup);
        var link = panel.Find("a.reference.held");
        Assert.Equal("/A/75/778", link.GetAttribute("href"));
        Assert.Equal("A/75/778\u2013S/2021/177", link.TextContent);
        Assert.Equal(2, panel.FindAll(".reply-thread li").Count);
        Assert.Equal("page", panel.Find(".reply-thread li.current").GetAttribute("aria-current"));
    }

    [Fact]
    public async Task ReferencesPanelShowsRepliedToByOnTheCitedDocument()
    {
        var detail = await BySymbolAsync("A/75/778");

        var panel = Render<CrossReferenceList>(p => p.Add(c => c.References, detail.References));

        Assert.Contains("Replied to by", panel.Markup);
        Assert.Contains("Permanent Representative of Armenia", panel.Markup);
        // The seed letter has no symbol: it is linked by its name, never by an empty link.
        var reply = panel.Find("a.reference.held");
        Assert.Equal("Letter dated 30 March 2021 from Armenia", reply.TextContent);
        Assert.All(panel.FindAll("a"), a => Assert.False(string.IsNullOrWhiteSpace(a.TextContent), a.OuterHtml));
        Assert.Contains(panel.FindAll(".reply-thread a"), a => a.TextContent == "Letter dated 30 March 2021 from Armenia");
    }

    [Fact]
    public async Task UnheldReferencesLinkToUndocs()
    {
        var detail = await BySymbolAsync("A/76/120");

        var panel = Render<CrossReferenceList>(p => p.Add(c => c.References, detail.References));

        var external = panel.Find("a.reference.external");
        Assert.Equal("https://undocs.org/en/A/76/1", external.GetAttribute("href"));
        Assert.Contains("not held by the portal", panel.Markup);
    }

    [Fact]
    public void EmptyReferencesSaySo()
    {
        var panel = Render<CrossReferenceList>(p => p.Add(c => c.References, new ReferencesView([], [], [])));

        Assert.Contains("cites no other document", panel.Markup);
    }

    [Fact]
    public async Task ArabicVersionRendersRightToLeft()
    {
        var detail = await BySymbolAsync("A/75/950", "ar");

        var view = Render<DocumentView>(p => p.Add(c => c.Document, detail.Printed()));

        var article = view.Find("article.un-document");
        Assert.Equal("rtl", article.GetAttribute("dir"));
        Assert.Equal("ar", article.GetAttribute("lang"));
        Assert.Contains("(توقيع)", view.Find(".signatory").TextContent);
    }

    [Fact]
    public async Task SeedLetterRendersSignaturesAnnexAndNumberedFootnotes()
    {
        var detail = await SeedLetterAsync();

        var view = Render<DocumentView>(p => p.Add(c => c.Document, detail.Printed()));

        Assert.Equal(["米海尔·马尔加良", "大卫·巴巴扬"], view.FindAll(".signatory .name").Select(e => e.TextContent));
        Assert.Contains("(签名)", view.Find(".signatory").TextContent);
        Assert.Equal("阿尔扎赫共和国外交部长给秘书长的信", view.Find(".annex-title").TextContent);
        var notes = view.FindAll("#annex-section-1 .footnotes li");
        Assert.Equal(7, notes.Count);
        Assert.Equal("annex1-fn-7", notes[6].Id);
        Assert.NotNull(view.Find("a[href='#annex1-fn-1']"));
        Assert.Contains("www.halotrust.org", notes[2].InnerHtml);
    }

    [Fact]
    public async Task FootnoteCallsAndNotesLinkToEachOther()
    {
        var seedLetter = await SeedLetterAsync();
        var demoLetter = await BySymbolAsync("A/75/950", "en");

        var letter = Render<DocumentView>(p => p.Add(c => c.Document, seedLetter.Printed()));
        var demo = Render<DocumentView>(p => p.Add(c => c.Document, demoLetter.Printed()));

        foreach (var (view, scope, count) in new[] { (letter, "annex1", 7), (demo, "annex1", 1) })
        {
            var calls = view.FindAll("sup.footnote-ref a");
            Assert.Equal(count, calls.Count);
            for (var n = 1; n <= count; n++)
            {
                Assert.Equal($"#{scope}-fn-{n}", calls[n - 1].GetAttribute("href"));
                Assert.Equal($"{scope}-fnref-{n}", calls[n - 1].Id);
                Assert.Equal($"#{scope}-fnref-{n}", view.Find($"li#{scope}-fn-{n} a.footnote-back").GetAttribute("href"));
            }
        }
    }

    [Fact]
    public void FootnoteTextGetsTheSameLinkPolicyAsBodies()
    {
        var notes = new List<FootnoteView>
        {
            new(1, "See [the report](https://example.org/r \"[^2]\"), [x](javascript:alert(1)), ![map](/etc/passwd) and `[^3]`.", []),
        };

        var list = Render<FootnoteList>(p => p.Add(c => c.Footnotes, notes).Add(c => c.Scope, "letter"));

        var note = list.Find("li#letter-fn-1");
        Assert.Empty(note.QuerySelectorAll("img, sup"));
        Assert.Equal(["https://example.org/r", "#letter-fnref-1"], note.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Equal("[^2]", note.QuerySelector("a")!.GetAttribute("title"));
        Assert.Equal("noopener noreferrer nofollow", note.QuerySelector("a")!.GetAttribute("rel"));
        Assert.Equal("[^3]", note.QuerySelector("code")!.TextContent);
        Assert.Contains(", x, map and", note.TextContent);
    }

    [Fact]
    public void MarkdownViewLinksOnlyRealFootnoteCalls()
    {
        var view = Render<Portal.Components.Shared.MarkdownView>(p => p
            .Add(c => c.Markdown, "Text.[^4] Code `[^5]`, a [link](/documents/1 \"[^6]\").\n\n```\n[^7]\n```")
            .Add(c => c.FootnoteScope, "annex2"));

        var call = Assert.Single(view.FindAll("sup.footnote-ref a"));
        Assert.Equal("#annex2-fn-4", call.GetAttribute("href"));
        Assert.Equal("[^6]", view.Find("a[href='/documents/1']").GetAttribute("title"));
        Assert.Equal("[^7]\n", view.Find("pre code").TextContent);
    }

    [Fact]
    public async Task AnAnnexEnclosureIsNestedInsideItsAnnex()
    {
        var detail = await BySymbolAsync("A/75/960");

        var view = Render<DocumentView>(p => p.Add(c => c.Document, detail.Printed()));

        var annex = view.Find("section.annex:not(.enclosure)");
        var enclosure = annex.QuerySelector("section.annex.enclosure");
        Assert.NotNull(enclosure);
        Assert.Equal("Summary of position", enclosure.QuerySelector(".annex-title")!.TextContent);
        Assert.Equal("Robin Sample", annex.QuerySelector(".signatory .name")!.TextContent);
    }

    [Fact]
    public async Task FactsPanelGivesSenderAddresseeAndTheEnglishCatalogueTitle()
    {
        var detail = await SeedLetterAsync();

        var facts = Render<DocumentFacts>(p => p.Add(c => c.Detail, detail));

        Assert.Contains("Armenia", facts.Markup);
        Assert.Contains("Secretary-General", facts.Markup);
        Assert.Contains("Letter dated 30 March 2021 from the Permanent Representative of Armenia", facts.Markup);
        Assert.Contains("not recorded", facts.Markup);
        Assert.Contains("30 March 2021", facts.Markup);
    }

    [Fact]
    public async Task FactsPanelNamesAStateInTheInterfacesLanguageAndMarksAnOfficeLeftInEnglish()
    {
        var detail = await SeedLetterAsync();
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("zh");

            var facts = Render<DocumentFacts>(p => p.Add(c => c.Detail, detail));

            var names = facts.FindAll("dd").Select(dd => (Text: dd.TextContent, Lang: dd.GetAttribute("lang"))).ToList();
            Assert.Contains(("亚美尼亚", (string?)null), names);
            Assert.Contains(("Secretary-General", (string?)"en"), names);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public async Task LanguageSwitcherLinksHeldVersionsOnly()
    {
        var detail = await BySymbolAsync("A/75/950", "fr");

        var switcher = Render<LanguageSwitcher>(p => p.Add(c => c.Detail, detail));

        var links = switcher.FindAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/ar/A/75/950", "/en/A/75/950", "/fr/A/75/950"], links);
        Assert.Equal("page", switcher.Find("a[aria-current]").GetAttribute("aria-current"));
    }
}
