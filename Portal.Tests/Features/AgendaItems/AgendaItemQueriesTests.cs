using Portal.Data.Entities;
using Portal.Features.AgendaItems;
using Portal.Infrastructure;
using Portal.Tests.Support;

namespace Portal.Tests.Features.AgendaItems;

public abstract class AgendaItemQueriesTests(DatabaseProvider provider)
{
    public sealed class OnSqlite() : AgendaItemQueriesTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgreSql() : AgendaItemQueriesTests(DatabaseProvider.PostgreSql);

    private static Task<AgendaItemDetail?> Item71Async(TestDatabase database, AgendaItemFilter filter, Viewer? access = null) =>
        new AgendaItemQueries(database).GetAsync(Organ.GeneralAssembly, 75, 71, filter, access ?? Viewers.Public);

    [Fact]
    public async Task ListsTheItemsDocumentsNewestFirstWithoutHiddenOnes()
    {
        await using var database = await TestDatabase.CreateSeededAsync(provider);

        var detail = await Item71Async(database, new AgendaItemFilter());

        Assert.NotNull(detail);
        Assert.Equal("Right of peoples to self-determination", detail.Title);
        var rows = detail.Documents.Items;
        Assert.Equal(["A/75/975", "A/75/960", "A/75/950/Corr.1", "A/75/950"], rows.Where(r => r.Symbols.Count > 0).Select(r => r.Symbols[0]));
        Assert.Contains(rows, r => r.Symbols.Count == 0);
        Assert.DoesNotContain(rows, r => r.Symbols.Contains("A/75/990"));
        Assert.Equal(rows.Count, detail.Documents.TotalCount);
    }

    [Fact]
    public async Task FiltersByKindAndLanguage()
    {
        await using var database = await TestDatabase.CreateSeededAsync(provider);

        var notes = await Item71Async(database, new AgendaItemFilter(Kind: DocumentKind.NoteVerbale));
        var arabic = await Item71Async(database, new AgendaItemFilter(Language: "ar"));
        var chinese = await Item71Async(database, new AgendaItemFilter(Language: "zh"));

        Assert.Equal(["A/75/975"], notes!.Documents.Items.Select(r => r.Symbols[0]));
        Assert.Equal(["A/75/975", "A/75/950"], arabic!.Documents.Items.Select(r => r.Symbols[0]));
        Assert.Empty(Assert.Single(chinese!.Documents.Items).Symbols);
    }

    [Fact]
    public async Task SortsBySymbolBothWays()
    {
        await using var database = await TestDatabase.CreateSeededAsync(provider);

        var ascending = await Item71Async(database, new AgendaItemFilter(Sort: DocumentSort.Symbol, Descending: false));
        var descending = await Item71Async(database, new AgendaItemFilter(Sort: DocumentSort.Symbol, Descending: true));

        var up = ascending!.Documents.Items.Select(r => r.Symbols.FirstOrDefault() ?? "").ToList();
        Assert.Equal(up.OrderBy(s => s, StringComparer.Ordinal), up);
        Assert.Equal(up.AsEnumerable().Reverse(), descending!.Documents.Items.Select(r => r.Symbols.FirstOrDefault() ?? ""));
    }

    [Fact]
    public async Task PagesOnTheServerWithoutOverlap()
    {
        await using var database = await TestDatabase.CreateSeededAsync(provider);

        var first = await Item71Async(database, new AgendaItemFilter(PageSize: 5, Page: 1) with { PageSize = 5 });
        var all = await Item71Async(database, new AgendaItemFilter());
        var pageTwo = await new AgendaItemQueries(database).GetAsync(Organ.GeneralAssembly, 75, 71, new AgendaItemFilter(Page: 2, PageSize: 5), Viewers.Secretariat);

        Assert.Equal(5, first!.Documents.PageSize);
        Assert.Equal(all!.Documents.TotalCount, first.Documents.Items.Count);
        Assert.Equal(6, pageTwo!.Documents.TotalCount); // the Secretariat also sees the draft
        Assert.Single(pageTwo.Documents.Items);
        Assert.Equal(2, pageTwo.Documents.PageCount);
    }

    [Fact]
    public async Task PageBeyondTheEndShowsTheLastPage()
    {
        await using var database = await TestDatabase.CreateSeededAsync(provider);

        var detail = await Item71Async(database, new AgendaItemFilter(Page: 99));

        Assert.Equal(1, detail!.Documents.Page);
        Assert.NotEmpty(detail.Documents.Items);
    }

    [Fact]
    public async Task UnknownItemIsNull()
    {
        await using var database = await TestDatabase.CreateSeededAsync(provider);

        Assert.Null(await new AgendaItemQueries(database).GetAsync(Organ.GeneralAssembly, 75, 999, new AgendaItemFilter(), Viewers.Public));
    }
}
