using Microsoft.EntityFrameworkCore;
using Portal.Catalogue;
using Portal.Data.Entities;
using Portal.Data.Search;
using Portal.Features.Documents;
using Portal.Features.Search;
using Portal.Infrastructure;
using Portal.Tests.Support;

namespace Portal.Tests.Features.Search;

public class SearchQueriesTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private SearchQueries _queries = null!;
    private int _seedLetterId;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateSeededAsync();
        _queries = new SearchQueries(_database, new SqliteSearchIndex(), new DocumentQueries(_database));
        await using var db = _database.CreateDbContext();
        _seedLetterId = await db.Documents.Where(d => d.Sender == "Armenia" && !d.Symbols.Any()).Select(d => d.Id).SingleAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    private Task<SearchResults> Search(string query, Viewer? access = null, SearchFilter? filter = null) =>
        _queries.SearchAsync((filter ?? new SearchFilter()) with { Query = query }, 25, access ?? Viewers.Public, TestContext.Current.CancellationToken);

    private static string Marked(SearchResultItem item) => string.Concat(item.Snippet.Where(p => p.IsMatch).Select(p => p.Text));

    [Fact]
    public async Task TwoChineseCharactersFindTheSeedLetterWithAHighlightedChineseSnippet()
    {
        var results = await Search("地雷");

        var item = Assert.Single(results.Items);
        Assert.Equal(_seedLetterId, item.Row.Id);
        Assert.Equal("zh", item.Language);
        Assert.Equal("ltr", item.LanguageInfo.Direction);
        Assert.Contains(item.Snippet, p => p.IsMatch && p.Text == "地雷");
        Assert.Equal("/documents/" + _seedLetterId + "/zh", item.Url);
    }

    [Theory]
    [InlineData("威胁")]       // second half of 地雷威胁: a bigram inside a longer word
    [InlineData("雷威胁")]     // three characters across the word boundary: the trigram index
    [InlineData("地雷威胁")]
    public async Task ChineseQueriesInsideLongerWordsFindTheSeedLetter(string query)
    {
        var results = await Search(query);

        Assert.Contains(results.Items, i => i.Row.Id == _seedLetterId && i.Language == "zh");
        Assert.Contains(results.Items.Single(i => i.Row.Id == _seedLetterId).Snippet, p => p.IsMatch);
    }

    [Fact]
    public async Task ChineseQueryWithTwoWordsNeedsBoth()
    {
        Assert.Contains((await Search("地雷 幸存者")).Items, i => i.Row.Id == _seedLetterId);
        Assert.Empty((await Search("地雷 示范")).Items);
    }

    [Theory]
    [InlineData("تقرير")]          // as printed
    [InlineData("تَقْرِير")]         // with vowel marks (tashkeel)
    [InlineData("تقـــرير")]        // with tatweel
    public async Task ArabicIsFoundWithOrWithoutVowelMarksAndShownRightToLeft(string query)
    {
        var results = await Search(query);

        var item = Assert.Single(results.Items, i => i.Row.SymbolText == "A/75/300");
        Assert.Equal("ar", item.Language);
        Assert.Equal("rtl", item.LanguageInfo.Direction);
        Assert.Contains("تقرير", Marked(item));
    }

    [Theory]
    [InlineData("РУРРИТАНИЯ")]
    [InlineData("рурритания")]
    [InlineData("РАЗОРУЖЕНИ")]
    public async Task RussianIsFoundWhateverTheCase(string query)
    {
        var results = await Search(query);

        Assert.Contains(results.Items, i => i.Language == "ru" && i.Row.Symbols.Contains("A/74/600"));
    }

    [Fact]
    public async Task EnglishWordsAreFoundInsideLongerWordsAndRankedTitleFirst()
    {
        var results = await Search("disarmament");

        var item = Assert.Single(results.Items);
        Assert.Equal(["A/74/600"], item.Row.Symbols);
        Assert.Equal("en", item.Language);
        Assert.Equal("disarmament", Marked(item), ignoreCase: true);

        var demonstration = await Search("Demonstration report");
        Assert.True(demonstration.TotalCount >= 3);
        Assert.Contains("Demonstration report", demonstration.Items[0].Title, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task FrenchAccentsAreOptional()
    {
        var plain = await Search("Demolandie");

        Assert.True(plain.TotalCount > 0);
        Assert.Equal((await Search("Démolandie")).TotalCount, plain.TotalCount);
        Assert.Contains(plain.Items, i => i.Language == "fr" && Marked(i) == "Démolandie");
    }

    [Fact]
    public async Task SignatoryNamesAreSearched()
    {
        var results = await Search("马尔加良");

        Assert.Contains(results.Items, i => i.Row.Id == _seedLetterId);
    }

    [Theory]
    [InlineData("A/75/778", "/A/75/778")]
    [InlineData("s/2021/177", "/S/2021/177")]
    [InlineData("A/75/778–S/2021/177", "/A/75/778")]
    [InlineData(" a / 75 / 950 ", "/A/75/950")]
    public async Task ASymbolGoesStraightToItsDocument(string query, string url)
    {
        var results = await Search(query);

        Assert.Equal(url, results.RedirectUrl);
    }

    [Fact]
    public async Task ARestrictedSymbolIsNotRevealedToThePublic()
    {
        var results = await Search("A/75/R.1");

        Assert.Null(results.RedirectUrl);
        Assert.Equal("A/75/R.1", results.UnknownSymbol);
        Assert.Empty(results.Items);
        Assert.Equal("/A/75/R.1", (await Search("A/75/R.1", Viewers.Delegation)).RedirectUrl);
    }

    [Fact]
    public async Task RestrictedAndDraftDocumentsNeverAppearInResultsCountsFacetsOrSnippetsForThePublic()
    {
        Assert.Equal(0, (await Search("briefing")).TotalCount);
        Assert.Equal(0, (await Search("Unpublished")).TotalCount);
        Assert.Empty((await Search("briefing")).Facets);

        var demo = await Search("Demo");
        Assert.DoesNotContain(demo.Items, i => i.Row.Symbols.Contains("A/75/R.1") || i.Row.Symbols.Contains("A/75/990"));
        Assert.DoesNotContain(demo.Items.SelectMany(i => i.Snippet), p => p.Text.Contains("restricted", StringComparison.OrdinalIgnoreCase) || p.Text.Contains("not yet published"));
        var distribution = demo.Facets.Single(f => f.Key == FacetKey.Distribution);
        Assert.DoesNotContain(distribution.Values, v => v.Label == "Restricted");
        Assert.Equal(demo.TotalCount, distribution.Values.Sum(v => v.Count));

        var delegation = await Search("Demo", Viewers.Delegation);
        var secretariat = await Search("Demo", Viewers.Secretariat);
        Assert.Equal(demo.TotalCount + 1, delegation.TotalCount);
        Assert.Equal(demo.TotalCount + 2, secretariat.TotalCount);
        Assert.Contains(delegation.Facets.Single(f => f.Key == FacetKey.Distribution).Values, v => v.Label == "Restricted" && v.Count == 1);
        Assert.Equal(1, (await Search("briefing", Viewers.Delegation)).TotalCount);
        Assert.Equal(1, (await Search("Unpublished", Viewers.Secretariat)).TotalCount);
    }

    [Fact]
    public async Task FacetsCountTheDocumentsFoundAndNarrowTheSearch()
    {
        var results = await Search("Demoland");

        Assert.True(results.TotalCount >= 4);
        var kinds = results.Facets.Single(f => f.Key == FacetKey.Kind);
        Assert.Equal(results.TotalCount, kinds.Values.Sum(v => v.Count));
        var sender = results.Facets.Single(f => f.Key == FacetKey.Sender).Values.Single(v => v.Label == "Demoland");
        var item = results.Facets.Single(f => f.Key == FacetKey.AgendaItem).Values.First(v => v.Filter.AgendaItem?.Number == 71);
        var languages = results.Facets.Single(f => f.Key == FacetKey.Language);
        Assert.Contains(languages.Values, v => v.Language == "ar" && v.Label == "العربية");
        Assert.Contains(results.Facets.Single(f => f.Key == FacetKey.Year).Values, v => v.Label == "2021");
        Assert.Contains(results.Facets.Single(f => f.Key == FacetKey.Organ).Values, v => v.Label == "General Assembly");
        Assert.Contains(results.Facets.Single(f => f.Key == FacetKey.Session).Values, v => v.Filter.Session?.ToString() == "ga-75");

        var bySender = await _queries.SearchAsync(sender.Filter, 25, Viewers.Public, TestContext.Current.CancellationToken);
        Assert.Equal(sender.Count, bySender.TotalCount);
        var ids = bySender.Items.Select(i => i.Row.Id).ToList();
        await using (var db = _database.CreateDbContext())
        {
            Assert.Equal(["Demoland"], await db.Documents.Where(d => ids.Contains(d.Id)).Select(d => d.Sender).Distinct().ToListAsync(TestContext.Current.CancellationToken));
        }
        var byItem = await _queries.SearchAsync(item.Filter, 25, Viewers.Public, TestContext.Current.CancellationToken);
        Assert.Equal(item.Count, byItem.TotalCount);
        Assert.Equal("/search?q=Demoland&item=ga-75-71", SearchQueryString.Url(item.Filter));
        var arabic = await Search("Demoland", filter: new SearchFilter(Language: "ar"));
        Assert.Empty(arabic.Items);
        Assert.NotEmpty((await Search("ديمولاند", filter: new SearchFilter(Language: "ar"))).Items);
    }

    [Fact]
    public async Task ResultsArePagedOnTheServer()
    {
        var all = await Search("Demo");
        var first = await _queries.SearchAsync(new SearchFilter("Demo"), 5, Viewers.Public, TestContext.Current.CancellationToken);
        var second = await _queries.SearchAsync(new SearchFilter("Demo", Page: 2), 5, Viewers.Public, TestContext.Current.CancellationToken);

        Assert.True(all.TotalCount > 5);
        Assert.Equal(5, first.Items.Count);
        Assert.Equal(all.TotalCount, second.TotalCount);
        Assert.Empty(first.Items.Select(i => i.Row.Id).Intersect(second.Items.Select(i => i.Row.Id)));
        Assert.Equal(all.Items.Take(5).Select(i => i.Row.Id), first.Items.Select(i => i.Row.Id));
    }

    [Fact]
    public async Task AVeryCommonWordReadsABoundedNumberOfMatchesNewestFirstAndSaysSo()
    {
        var ct = TestContext.Current.CancellationToken;
        var all = await Search("Demo");
        var bounded = new SearchQueries(_database, new SqliteSearchIndex(), new DocumentQueries(_database)) { MaxMatchedVersions = 3 };

        var results = await bounded.SearchAsync(new SearchFilter("Demo"), 25, Viewers.Public, ct);

        Assert.False(all.Truncated);
        Assert.True(results.Truncated);
        Assert.Contains(results.Notices, n => n.Contains("most recent"));
        Assert.InRange(results.TotalCount, 1, 3);
        Assert.Equal(results.TotalCount, results.Facets.Single(f => f.Key == FacetKey.Kind).Values.Sum(v => v.Count));
        // Newest language versions first: the documents holding the highest version ids.
        await using var db = _database.CreateDbContext();
        var newest = await db.LanguageVersions.Where(v => all.Items.Select(i => i.Row.Id).Contains(v.DocumentId))
            .GroupBy(v => v.DocumentId).Select(g => new { Id = g.Key, Latest = g.Max(v => v.Id) })
            .OrderByDescending(g => g.Latest).Select(g => g.Id).FirstAsync(ct);
        Assert.Contains(results.Items, i => i.Row.Id == newest);
        Assert.DoesNotContain(results.Items, i => i.Row.Distribution == Distribution.Restricted);
    }

    [Fact]
    public async Task AFilteredSearchChecksEveryDocumentTheFiltersAllowEvenWhenTheWordIsCommon()
    {
        var ct = TestContext.Current.CancellationToken;
        var bounded = new SearchQueries(_database, new SqliteSearchIndex(), new DocumentQueries(_database)) { MaxMatchedVersions = 1 };
        var exact = await Search("Demoland", filter: new SearchFilter(AgendaItem: new AgendaItemKey(Organ.GeneralAssembly, 75, 71)));

        var filtered = await bounded.SearchAsync(new SearchFilter("Demoland", AgendaItem: new AgendaItemKey(Organ.GeneralAssembly, 75, 71)), 25, Viewers.Public, ct);

        Assert.True(exact.TotalCount >= 2);
        Assert.False(filtered.Truncated);
        Assert.Equal(exact.Items.Select(i => i.Row.Id).Order(), filtered.Items.Select(i => i.Row.Id).Order());
        Assert.Equal(exact.TotalCount, filtered.TotalCount);
    }

    [Fact]
    public async Task ADateRangeFilterKeepsOnlyDocumentsListedInIt()
    {
        var all = await Search("Demo");
        var year = all.Facets.Single(f => f.Key == FacetKey.Year).Values.First();

        var inYear = await _queries.SearchAsync(year.Filter, 25, Viewers.Public, TestContext.Current.CancellationToken);

        Assert.Equal(year.Count, inYear.TotalCount);
        await using var db = _database.CreateDbContext();
        var ids = inYear.Items.Select(i => i.Row.Id).ToList();
        var years = await db.Documents.Where(d => ids.Contains(d.Id)).Select(d => d.ListedOn.Year).Distinct().ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal([int.Parse(year.Label, System.Globalization.CultureInfo.InvariantCulture)], years);
        var empty = await Search("Demo", filter: new SearchFilter(From: new DateOnly(1901, 1, 1), To: new DateOnly(1901, 12, 31)));
        Assert.Equal(0, empty.TotalCount);
        Assert.Empty(empty.Facets);
    }

    [Theory]
    [InlineData("\"landmines")]
    [InlineData("mines AND OR NOT NEAR")]
    [InlineData("* ^ : NEAR(")]
    [InlineData("\"\"\"")]
    [InlineData("demo*")]
    [InlineData("title:demo")]
    [InlineData("Demo\u0000\u0007\u001b[31m")]
    [InlineData("\u202Edemo")]
    [InlineData("a")]
    [InlineData(")(")]
    [InlineData("'; DROP TABLE Documents; --")]
    [InlineData("\ud800")]
    public async Task MalformedQueriesGiveAMessageOrAResultButNeverAnError(string query)
    {
        var results = await Search(query);

        Assert.True(results.Notices.Count > 0 || results.TotalCount > 0 || results.Items.Count == 0);
        await using var db = _database.CreateDbContext();
        Assert.True(await db.Documents.AnyAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task OperatorsAndLonelyQuotesAreExplained()
    {
        Assert.Contains((await Search("\"landmines")).Notices, n => n.Contains("quotation marks"));
        Assert.Contains((await Search("mines AND Demoland")).Notices, n => n.Contains("operators"));
        Assert.Contains((await Search("a")).Notices, n => n.Contains("shorter than three letters"));
        var demo = await Search("demo* NOT");
        Assert.Equal((await Search("demo")).TotalCount, demo.TotalCount);
    }

    [Fact]
    public async Task AVeryLongQueryIsShortenedWithAMessage()
    {
        var results = await Search(string.Concat(Enumerable.Repeat("démonstration ", 800)));

        Assert.Contains(results.Notices, n => n.Contains("200 characters"));
        Assert.True(results.TotalCount > 0);
    }

    [Fact]
    public async Task TheIndexFollowsEditsInTheSameTransaction()
    {
        var ct = TestContext.Current.CancellationToken;
        await using (var db = _database.CreateDbContext())
        {
            var version = await db.LanguageVersions.SingleAsync(v => v.Document.Symbols.Any(s => s.Key == "A/74/600") && v.Language == "en", ct);
            version.BodyMarkdown = "I have the honour to transmit a statement on zeppelinological matters.";
            await db.SaveChangesAsync(ct);
        }
        Assert.Equal(0, (await Search("disarmament")).TotalCount);
        Assert.Single((await Search("zeppelinological")).Items);

        await using (var db = _database.CreateDbContext())
        {
            var version = await db.LanguageVersions.Include(v => v.Annexes).SingleAsync(v => v.Document.Symbols.Any(s => s.Key == "A/74/600") && v.Language == "ru", ct);
            version.Annexes.Add(new Annex { Position = 1, Heading = "Приложение", BodyMarkdown = "Ёжик в тумане." });
            version.Signatories.Add(new Signatory { Position = 0, Name = "Квазимодо Тестовый" });
            await db.SaveChangesAsync(ct);
        }
        Assert.Single((await Search("ежик")).Items);
        Assert.Single((await Search("КВАЗИМОДО")).Items);

        await using (var db = _database.CreateDbContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var version = await db.LanguageVersions.SingleAsync(v => v.Document.Symbols.Any(s => s.Key == "A/74/600") && v.Language == "en", ct);
            version.BodyMarkdown = "A text that is rolled back: quixotically.";
            await db.SaveChangesAsync(ct);
            await transaction.RollbackAsync(ct);
        }
        Assert.Equal(0, (await Search("quixotically")).TotalCount);
        Assert.Single((await Search("zeppelinological")).Items);

        await using (var db = _database.CreateDbContext())
        {
            await db.LanguageVersions.Where(v => v.Document.Symbols.Any(s => s.Key == "A/74/600") && v.Language == "en").ExecuteDeleteAsync(ct);
        }
        Assert.Equal(0, (await Search("zeppelinological")).TotalCount);
    }
}
