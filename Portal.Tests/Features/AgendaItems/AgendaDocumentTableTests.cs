using Bunit;
using Portal.Data.Entities;
using Portal.Features.AgendaItems;
using Portal.Infrastructure;
using Portal.Tests.Support;

namespace Portal.Tests.Features.AgendaItems;

public class AgendaDocumentTableTests : MudTestContext
{
    private static async Task<AgendaItemDetail> Item71Async(AgendaItemFilter filter)
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        return (await new AgendaItemQueries(database).GetAsync(Organ.GeneralAssembly, 75, 71, filter, Viewers.Public))!;
    }

    [Fact]
    public async Task RowsShowSymbolsDateTitleKindAndLanguages()
    {
        var filter = new AgendaItemFilter();
        var detail = await Item71Async(filter);

        var table = Render<AgendaDocumentTable>(p => p.Add(c => c.Detail, detail).Add(c => c.Filter, filter));

        var rows = table.FindAll("tbody tr");
        Assert.Equal(detail.Documents.Items.Count, rows.Count);
        var joint = rows.Single(r => r.TextContent.Contains("A/75/960"));
        Assert.Contains("S/2021/600", joint.TextContent);
        Assert.Contains("14 June 2021", joint.TextContent);
        Assert.Contains("Letter", joint.TextContent);
        Assert.Equal(["/en/A/75/960?item=71", "/fr/A/75/960?item=71", "/es/A/75/960?item=71"], joint.QuerySelectorAll("a.language-code").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task ADocumentWithoutSymbolIsNamedAndLinkedInTheSymbolColumn()
    {
        var filter = new AgendaItemFilter();
        var detail = await Item71Async(filter);

        var table = Render<AgendaDocumentTable>(p => p.Add(c => c.Detail, detail).Add(c => c.Filter, filter));

        Assert.DoesNotContain("(no symbol)", table.Markup);
        var seed = table.FindAll("tbody tr").Single(r => r.TextContent.Contains("Permanent Representative of Armenia"));
        var name = seed.QuerySelector("td.symbol a")!;
        Assert.Equal("Letter dated 30 March 2021 from Armenia", name.TextContent.Trim());
        Assert.Matches(@"^/documents/\d+\?item=71$", name.GetAttribute("href"));
    }

    [Fact]
    public async Task SortHeadersAndFiltersAreLinksCarryingTheStateInTheQueryString()
    {
        var filter = new AgendaItemFilter(Language: "fr");
        var detail = await Item71Async(filter);

        var table = Render<AgendaDocumentTable>(p => p.Add(c => c.Detail, detail).Add(c => c.Filter, filter));

        var sortBySymbol = table.FindAll("a.sort-link").Single(a => a.TextContent.Contains("Symbol"));
        Assert.Equal("/sessions/ga/75/items/71?lang=fr&sort=symbol", sortBySymbol.GetAttribute("href"));
        var dateHeader = table.FindAll("a.sort-link").Single(a => a.TextContent.Contains("Date"));
        Assert.Equal("/sessions/ga/75/items/71?lang=fr&dir=asc", dateHeader.GetAttribute("href"));
        Assert.Contains(table.FindAll("a"), a => a.GetAttribute("href") == "/sessions/ga/75/items/71?kind=noteverbale&lang=fr");
        Assert.Contains(table.FindAll("a"), a => a.GetAttribute("href") == "/sessions/ga/75/items/71");
        Assert.Equal(["none", "descending", "none", "none"], table.FindAll("th").Take(4).Select(th => th.GetAttribute("aria-sort")));
    }

    [Fact]
    public async Task EmptyFilterResultSaysSo()
    {
        var filter = new AgendaItemFilter(Kind: DocumentKind.Resolution);
        var detail = await Item71Async(filter);

        var table = Render<AgendaDocumentTable>(p => p.Add(c => c.Detail, detail).Add(c => c.Filter, filter));

        Assert.Contains("No documents for this agenda item match these filters", table.Markup);
        Assert.Empty(table.FindAll("tbody tr"));
    }

    [Fact]
    public async Task PagerAppearsWhenThereIsMoreThanOnePage()
    {
        var filter = new AgendaItemFilter(PageSize: 5, Page: 1);
        await using var database = await TestDatabase.CreateSeededAsync();
        var detail = (await new AgendaItemQueries(database).GetAsync(Organ.GeneralAssembly, 75, 71, filter, Viewers.Secretariat))!;

        var table = Render<AgendaDocumentTable>(p => p.Add(c => c.Detail, detail).Add(c => c.Filter, filter));

        Assert.Contains("Page 1 of 2", table.Markup);
        Assert.Contains(table.FindAll("a"), a => a.GetAttribute("href") == "/sessions/ga/75/items/71?page=2");
    }
}
