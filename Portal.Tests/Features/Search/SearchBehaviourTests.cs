using Microsoft.EntityFrameworkCore;
using Portal.Catalogue;
using Portal.Data.Entities;
using Portal.Data.Search;
using Portal.Features.Search;
using Portal.Infrastructure;
using Portal.Tests.Support;

namespace Portal.Tests.Features.Search;

/// <summary>
/// What every search engine must do, run through <see cref="SearchQueries"/> (and, for the contract
/// itself, <see cref="ISearchIndex"/> directly) over the demo catalogue. An engine joins by subclassing
/// with its fixture, e.g. <c>SqliteSearchBehaviourTests</c>; a PostgreSQL or inverted-index engine
/// passes this suite unchanged.
/// </summary>
public abstract class SearchBehaviourTests<TEngine>(TEngine engine) : IClassFixture<TEngine>, IAsyncLifetime
    where TEngine : SearchEngineFixture
{
    private int _seedLetterId;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private SearchEngine Shared => engine.Shared;

    public async ValueTask InitializeAsync()
    {
        await using var db = Shared.Database.CreateDbContext();
        _seedLetterId = await db.Documents.Where(d => d.Sender == "Armenia" && !d.Symbols.Any()).Select(d => d.Id).SingleAsync(Cancel);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private Task<SearchResults> Search(string query, Viewer? viewer = null, SearchFilter? filter = null, int pageSize = 25) =>
        Run((filter ?? new SearchFilter()) with { Query = query }, viewer, pageSize);

    private Task<SearchResults> Run(SearchFilter filter, Viewer? viewer = null, int pageSize = 25) =>
        Shared.Queries().SearchAsync(filter, pageSize, viewer ?? Viewers.Public, Cancel);

    private async Task<List<T>> Documents<T>(IEnumerable<int> ids, System.Linq.Expressions.Expression<Func<Document, T>> select)
    {
        var list = ids.ToList();
        await using var db = Shared.Database.CreateDbContext();
        return await db.Documents.Where(d => list.Contains(d.Id)).Select(select).Distinct().ToListAsync(Cancel);
    }

    private static string Marked(SearchResultItem item) => string.Concat(item.Snippet.Where(p => p.IsMatch).Select(p => p.Text));

    // Chinese

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
    [InlineData("雷威胁")]     // three characters across the word boundary
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

    // Arabic, Russian, French, English

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

    [Fact]
    public async Task AQuotedPhraseNeedsItsWordsTogetherAndInOrder()
    {
        var phrase = await Search("\"Representative of Demoland to the United Nations\"");
        var words = await Search("Representative Demoland United Nations");
        var reversed = await Search("\"Demoland Representative\"");

        Assert.True(phrase.TotalCount >= 1);
        Assert.True(words.TotalCount >= phrase.TotalCount);
        Assert.Subset(words.Items.Select(i => i.Row.Id).ToHashSet(), phrase.Items.Select(i => i.Row.Id).ToHashSet());
        Assert.All(phrase.Items, i => Assert.Contains("Representative of Demoland to the United Nations", Marked(i), StringComparison.OrdinalIgnoreCase));
        Assert.Equal(0, reversed.TotalCount);
        Assert.NotEqual(0, (await Search("Demoland Representative")).TotalCount);
    }

    // Symbols

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

    // Access rules

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

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TheIndexReturnsOnlyDocumentsTheViewerMaySeeWithOrWithoutFilters(bool filtered)
    {
        var scope = filtered ? new SearchScope(From: new DateOnly(1900, 1, 1)) : SearchScope.Everything;
        foreach (var viewer in new[] { Viewers.Public, Viewers.Delegation, Viewers.Secretariat })
        {
            var hits = await Shared.Index.SearchAsync(new SearchRequest([new SearchTerm("Demo", SearchTermKind.Substring)], scope, viewer, 1_000), Cancel);

            await using var db = Shared.Database.CreateDbContext();
            var visible = await db.Documents.Where(DocumentAccess.VisibleTo(viewer)).Select(d => d.Id).ToListAsync(Cancel);
            Assert.NotEmpty(hits.Hits);
            Assert.Subset(visible.ToHashSet(), hits.Hits.Select(h => h.DocumentId).ToHashSet());
        }
        var everyone = await Shared.Index.SearchAsync(new SearchRequest([new SearchTerm("briefing", SearchTermKind.Substring)], scope, Viewers.Secretariat, 1_000), Cancel);
        var nobody = await Shared.Index.SearchAsync(new SearchRequest([new SearchTerm("briefing", SearchTermKind.Substring)], scope, Viewers.Public, 1_000), Cancel);
        Assert.Single(everyone.Hits);
        Assert.Empty(nobody.Hits);
        Assert.Equal(SearchTotal.Exact(0), await nobody.Total);
    }

    // The contract's answer

    [Fact]
    public async Task HitsComeBestFirstOnePerDocumentWithTheVersionMatchedAndItsText()
    {
        var hits = await Shared.Index.SearchAsync(new SearchRequest([new SearchTerm("Demoland", SearchTermKind.Substring)], SearchScope.Everything, Viewers.Public, 1_000), Cancel);

        Assert.True(hits.Hits.Count >= 4);
        Assert.False(hits.Truncated);
        Assert.Equal(SearchTotal.Exact(hits.Hits.Count), await hits.Total);
        Assert.Equal(hits.Hits.Count, hits.Hits.Select(h => h.DocumentId).Distinct().Count());
        Assert.Equal(hits.Hits.OrderByDescending(h => h.Rank).ThenByDescending(h => h.DocumentId), hits.Hits);
        var shown = await Shared.Index.ReadShownTextsAsync(hits.Hits, Cancel);
        Assert.Equal(hits.Hits.Select(h => h.DocumentId).Order(), shown.Keys.Order());
        await using var db = Shared.Database.CreateDbContext();
        foreach (var hit in hits.Hits)
        {
            var text = shown[hit.DocumentId];
            Assert.True(await db.LanguageVersions.AnyAsync(v => v.Id == text.VersionId && v.DocumentId == hit.DocumentId && v.Language == text.Language, Cancel));
            // The version shown is one whose text matched, when any did.
            Assert.True(hit.MatchedIn.Count == 0 || hit.MatchedIn.Contains(text.Language), $"{hit.DocumentId} shown in {text.Language}, matched in {string.Join(", ", hit.MatchedIn)}");
        }
        var texts = shown.Values.ToList();
        // Found as the index folds text: case and Latin accents do not count (Démolandie).
        var compare = System.Globalization.CultureInfo.InvariantCulture.CompareInfo;
        Assert.All(texts, t => Assert.True(compare.IndexOf(t.Title + t.Body + t.Extra, "Demoland",
            System.Globalization.CompareOptions.IgnoreCase | System.Globalization.CompareOptions.IgnoreNonSpace) >= 0, t.Title));
    }

    // Facets and filters

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

        var bySender = await Run(sender.Filter);
        Assert.Equal(sender.Count, bySender.TotalCount);
        Assert.Equal(["Demoland"], await Documents(bySender.Items.Select(i => i.Row.Id), d => d.Sender));
        var byItem = await Run(item.Filter);
        Assert.Equal(item.Count, byItem.TotalCount);
        Assert.Equal("/search?q=Demoland&item=ga-75-71", SearchQueryString.Url(item.Filter));
        var arabic = await Search("Demoland", filter: new SearchFilter(Language: "ar"));
        Assert.Empty(arabic.Items);
        Assert.NotEmpty((await Search("ديمولاند", filter: new SearchFilter(Language: "ar"))).Items);
    }

    [Fact]
    public async Task SessionOrganKindAndDistributionFacetsFilterToWhatTheyCounted()
    {
        var results = await Search("Demo", Viewers.Delegation);

        foreach (var name in new[] { FacetKey.Session, FacetKey.Organ, FacetKey.Kind, FacetKey.Distribution })
        {
            foreach (var value in results.Facets.Single(f => f.Key == name).Values)
            {
                var narrowed = await Run(value.Filter, Viewers.Delegation);
                Assert.True(value.Count == narrowed.TotalCount, $"{name} “{value.Label}”: facet {value.Count}, search {narrowed.TotalCount}");
                Assert.Subset(results.Items.Select(i => i.Row.Id).ToHashSet(), narrowed.Items.Select(i => i.Row.Id).ToHashSet());
            }
        }
        Assert.Equal(0, (await Search("Demo", filter: new SearchFilter(Session: new SessionKey(Organ.GeneralAssembly, 999)))).TotalCount);
        Assert.Equal(0, (await Search("Demo", filter: new SearchFilter(AgendaItem: new AgendaItemKey(Organ.GeneralAssembly, 75, 999)))).TotalCount);
    }

    [Fact]
    public async Task ADateRangeFilterKeepsOnlyDocumentsListedInIt()
    {
        var all = await Search("Demo");
        var year = all.Facets.Single(f => f.Key == FacetKey.Year).Values.First();

        var inYear = await Run(year.Filter);

        Assert.Equal(year.Count, inYear.TotalCount);
        Assert.Equal([int.Parse(year.Label, System.Globalization.CultureInfo.InvariantCulture)], await Documents(inYear.Items.Select(i => i.Row.Id), d => d.ListedOn.Year));
        var empty = await Search("Demo", filter: new SearchFilter(From: new DateOnly(1901, 1, 1), To: new DateOnly(1901, 12, 31)));
        Assert.Equal(0, empty.TotalCount);
        Assert.Empty(empty.Facets);
    }

    // Paging and bounds

    [Fact]
    public async Task ResultsArePagedOnTheServer()
    {
        var all = await Search("Demo");
        var first = await Search("Demo", pageSize: 5);
        var second = await Run(new SearchFilter("Demo", Page: 2), pageSize: 5);

        Assert.True(all.TotalCount > 5);
        Assert.Equal(5, first.Items.Count);
        Assert.Equal(all.TotalCount, second.TotalCount);
        Assert.Empty(first.Items.Select(i => i.Row.Id).Intersect(second.Items.Select(i => i.Row.Id)));
        Assert.Equal(all.Items.Take(5).Select(i => i.Row.Id), first.Items.Select(i => i.Row.Id));
        var pastTheEnd = await Run(new SearchFilter("Demo", Page: 99), pageSize: 5);
        Assert.Equal(first.PageCount, pastTheEnd.Page);
        Assert.Equal(all.Items.Skip((first.PageCount - 1) * 5).Select(i => i.Row.Id), pastTheEnd.Items.Select(i => i.Row.Id));
    }

    [Fact]
    public async Task AVeryCommonWordIsBoundedAndSaysSo()
    {
        var all = await Search("Demo");
        var bounded = await Shared.Queries(maxMatchedVersions: 3).SearchAsync(new SearchFilter("Demo"), 25, Viewers.Public, Cancel);

        Assert.False(all.Truncated);
        Assert.True(all.TotalIsExact);
        Assert.True(bounded.Truncated);
        Assert.Contains(bounded.Notices, n => n.Contains("Many documents match"));
        Assert.InRange(bounded.Items.Count, 1, 3);
        Assert.True(bounded.TotalCount >= bounded.Items.Count);
        Assert.Equal(bounded.Items.Count, bounded.Facets.Single(f => f.Key == FacetKey.Kind).Values.Sum(v => v.Count));
        Assert.Subset(all.Items.Select(i => i.Row.Id).ToHashSet(), bounded.Items.Select(i => i.Row.Id).ToHashSet());
    }

    // Hostile and odd input

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
        await using var db = Shared.Database.CreateDbContext();
        Assert.True(await db.Documents.AnyAsync(Cancel));
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

    // Consistency with the database

    [Fact]
    public async Task TheIndexFollowsEditsInTheSameTransaction()
    {
        await using var scratch = await engine.CreateSeededAsync();
        Task<SearchResults> Find(string query) => scratch.Queries().SearchAsync(new SearchFilter(query), 25, Viewers.Public, Cancel);

        await using (var db = scratch.Database.CreateDbContext())
        {
            var version = await db.LanguageVersions.SingleAsync(v => v.Document.Symbols.Any(s => s.Key == "A/74/600") && v.Language == "en", Cancel);
            version.BodyMarkdown = "I have the honour to transmit a statement on zeppelinological matters.";
            await db.SaveChangesAsync(Cancel);
        }
        // The English text no longer says it; the title of the document's agenda item ("General and complete disarmament") still does.
        var disarmament = Assert.Single((await Find("disarmament")).Items);
        Assert.Empty(disarmament.MatchedIn);
        Assert.True(disarmament.InCatalogue);
        Assert.Single((await Find("zeppelinological")).Items);

        await using (var db = scratch.Database.CreateDbContext())
        {
            var version = await db.LanguageVersions.Include(v => v.Annexes).SingleAsync(v => v.Document.Symbols.Any(s => s.Key == "A/74/600") && v.Language == "ru", Cancel);
            version.Annexes.Add(new Annex { Position = 1, Heading = "Приложение", BodyMarkdown = "Ёжик в тумане." });
            version.Signatories.Add(new Signatory { Position = 0, Name = "Квазимодо Тестовый" });
            await db.SaveChangesAsync(Cancel);
        }
        Assert.Single((await Find("ежик")).Items);
        Assert.Single((await Find("КВАЗИМОДО")).Items);

        await using (var db = scratch.Database.CreateDbContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync(Cancel);
            var version = await db.LanguageVersions.SingleAsync(v => v.Document.Symbols.Any(s => s.Key == "A/74/600") && v.Language == "en", Cancel);
            version.BodyMarkdown = "A text that is rolled back: quixotically.";
            await db.SaveChangesAsync(Cancel);
            await transaction.RollbackAsync(Cancel);
        }
        Assert.Equal(0, (await Find("quixotically")).TotalCount);
        Assert.Single((await Find("zeppelinological")).Items);

        await using (var db = scratch.Database.CreateDbContext())
        {
            await db.LanguageVersions.Where(v => v.Document.Symbols.Any(s => s.Key == "A/74/600") && v.Language == "en").ExecuteDeleteAsync(Cancel);
        }
        Assert.Equal(0, (await Find("zeppelinological")).TotalCount);
    }

    [Fact]
    public async Task TheIndexFollowsChangesOfAccessFiltersAndDatesInTheSameTransaction()
    {
        await using var scratch = await engine.CreateSeededAsync();
        Task<int> Count(SearchFilter filter, Viewer viewer) => scratch.Queries().SearchAsync(filter, 25, viewer, Cancel).ContinueWith(t => t.Result.TotalCount, Cancel);
        async Task Change(Action<Document> change)
        {
            await using var db = scratch.Database.CreateDbContext();
            var document = await db.Documents.Include(d => d.MemberStates).Include(d => d.AgendaItems)
                .SingleAsync(d => d.Symbols.Any(s => s.Key == "A/74/600"), Cancel);
            change(document);
            await db.SaveChangesAsync(Cancel);
        }
        var word = new SearchFilter("disarmament");
        var otherItem = word with { AgendaItem = new AgendaItemKey(Organ.GeneralAssembly, 75, 71) };
        Assert.Equal(1, await Count(word, Viewers.Public));
        Assert.Equal(0, await Count(otherItem, Viewers.Public));

        await Change(d => d.Distribution = Distribution.Restricted);
        Assert.Equal(0, await Count(word, Viewers.Public));
        Assert.Equal(0, await Count(word, Viewers.Delegation));
        Assert.Equal(1, await Count(word, Viewers.Secretariat));

        await Change(d => d.MemberStates.Add(new DocumentMemberState { MemberState = "Demoland" }));
        Assert.Equal(1, await Count(word, Viewers.Delegation));
        Assert.Equal(0, await Count(word, Viewers.OtherDelegation));

        int item;
        await using (var db = scratch.Database.CreateDbContext())
        {
            item = await db.AgendaItems.Where(a => a.Number == 71 && a.Session.Organ == Organ.GeneralAssembly && a.Session.Number == 75).Select(a => a.Id).SingleAsync(Cancel);
        }
        await Change(d => d.AgendaItems.Add(new DocumentAgendaItem { AgendaItemId = item, Position = 9 }));
        Assert.Equal(1, await Count(otherItem, Viewers.Delegation));

        await Change(d =>
        {
            d.IssuedOn = new DateOnly(1999, 12, 31);
            d.UpdateListedOn();
        });
        Assert.Equal(1, await Count(word with { From = new DateOnly(1999, 12, 31), To = new DateOnly(1999, 12, 31) }, Viewers.Delegation));
        Assert.Equal(1, await Count(word with { To = new DateOnly(1999, 12, 31) }, Viewers.Delegation));
        Assert.Equal(0, await Count(word with { From = new DateOnly(2000, 1, 1) }, Viewers.Delegation));

        await Change(d => d.Status = PublicationStatus.Withdrawn);
        Assert.Equal(0, await Count(word, Viewers.Delegation));
    }

    // Across languages: results are documents, saying where the match was

    [Fact]
    public async Task AResultSaysInWhichLanguagesTheTextMatched()
    {
        var item = Assert.Single((await Search("地雷")).Items);

        Assert.Equal(["zh"], item.MatchedIn);
        Assert.False(item.InCatalogue);
        Assert.All((await Search("Demoland")).Items, i => Assert.Contains(i.Language, i.MatchedIn));
    }

    [Fact]
    public async Task AnEnglishQueryFindsADocumentHeldOnlyInChineseByItsCatalogueTitle()
    {
        var item = Assert.Single((await Search("Permanent Representative Armenia")).Items, i => i.Row.Id == _seedLetterId);

        Assert.Equal("zh", item.Language); // its only version
        Assert.Empty(item.MatchedIn);
        Assert.True(item.InCatalogue);
        Assert.Equal("Match in the catalogue record (title or agenda item)", item.MatchText);
        Assert.Equal("/documents/" + _seedLetterId + "/zh", item.Url);
    }

    [Fact]
    public async Task AQueryMatchesTheTitlesOfADocumentsAgendaItemsInAnyLanguage()
    {
        // The seed letter (Chinese only) is under GA/75/135, "Responsibility to protect and the prevention of genocide…".
        Assert.Contains((await Search("genocide")).Items, i => i.Row.Id == _seedLetterId && i.InCatalogue);
        // A/75/950/Corr.1 (English only) is under GA/75/71, whose Chinese title is 人民自决的权利 and French title "Droit des peuples à l’autodétermination".
        var byChinese = Assert.Single((await Search("自决")).Items, i => i.Row.Symbols.Contains("A/75/950/Corr.1"));
        Assert.Equal("en", byChinese.Language);
        Assert.True(byChinese.InCatalogue);
        Assert.Contains((await Search("autodetermination")).Items, i => i.Row.Symbols.Contains("A/75/950/Corr.1"));
        // A document whose text also matches says both.
        var both = (await Search("disarmament")).Items.Single(i => i.Row.Symbols.Contains("A/74/600"));
        Assert.Contains("en", both.MatchedIn);
        Assert.True(both.InCatalogue);
        Assert.Equal("Match in English and in the catalogue record", both.MatchText);
    }

    [Fact]
    public async Task ASearchLimitedToOneLanguageOfTextDoesNotMatchTheCatalogueRecord()
    {
        var chinese = await Search("genocide", filter: new SearchFilter { Language = "zh" });

        Assert.DoesNotContain(chinese.Items, i => i.Row.Id == _seedLetterId);
        Assert.Contains((await Search("地雷", filter: new SearchFilter { Language = "zh" })).Items, i => i.Row.Id == _seedLetterId);
    }

    [Fact]
    public async Task TheCatalogueRecordOfAHiddenDocumentIsFoundOnlyByThoseWhoMaySeeIt()
    {
        // A/75/R.1 is Restricted, under GA/75/34 "Prevention of armed conflict" (预防武装冲突).
        foreach (var query in new[] { "prevention armed conflict", "武装冲突" })
        {
            Assert.DoesNotContain((await Search(query)).Items, i => i.Row.Symbols.Contains("A/75/R.1"));
            Assert.Contains((await Search(query, Viewers.Secretariat)).Items, i => i.Row.Symbols.Contains("A/75/R.1") && i.InCatalogue);
        }
    }

    [Fact]
    public async Task DateRangesReachingBeforeOrAfterTheYearsIndexedOneByOneStillFilterExactly()
    {
        await using var scratch = await engine.CreateSeededAsync();
        Task<SearchResults> Find(DateOnly? from, DateOnly? to) =>
            scratch.Queries().SearchAsync(new SearchFilter("Demoland", From: from, To: to), 25, Viewers.Public, Cancel);
        var dated = (await Find(null, null)).Items.Select(i => i.Row.Id).Take(3).ToList();
        Assert.Equal(3, dated.Count);
        DateOnly[] days = [new(1850, 3, 1), new(1880, 5, 1), new(2150, 1, 1)];
        await using (var db = scratch.Database.CreateDbContext())
        {
            for (var i = 0; i < dated.Count; i++)
            {
                var document = await db.Documents.SingleAsync(d => d.Id == dated[i], Cancel);
                (document.IssuedOn, document.DatedOn) = (days[i], days[i]);
                document.UpdateListedOn();
            }
            await db.SaveChangesAsync(Cancel);
        }
        async Task<int[]> Dated(DateOnly? from, DateOnly? to) =>
            [.. (await Find(from, to)).Items.Select(i => i.Row.Id).Where(dated.Contains).Order()];

        Assert.Equal([dated[1]], await Dated(new DateOnly(1870, 1, 1), new DateOnly(1890, 12, 31)));
        Assert.Equal([dated[0]], await Dated(null, new DateOnly(1860, 12, 31)));
        Assert.Equal([dated[0]], await Dated(new DateOnly(1850, 3, 1), new DateOnly(1850, 3, 1)));
        Assert.Equal([dated[2]], await Dated(new DateOnly(2120, 1, 1), null));
        Assert.Equal(dated.Order(), await Dated(null, null));
    }

    [Fact]
    public async Task ADateRangeLeavesOutADocumentRegisteredAmongItsOwnButListedOutsideIt()
    {
        // The three documents are registered one after the other; the range covers the first and the last, so the middle
        // one lies among its documents (SQLite: within the band of row ids the range covers) and moves around the range.
        await using var scratch = await engine.CreateSeededAsync();
        var found = (await scratch.Queries().SearchAsync(new SearchFilter("Demoland"), 25, Viewers.Public, Cancel)).Items.Select(i => i.Row.Id).Order().ToList();
        int[] three = [found[0], found[1], found[2]];
        var (from, to) = (new DateOnly(2011, 5, 10), new DateOnly(2011, 5, 12));
        async Task ListOn(int id, DateOnly day)
        {
            await using var db = scratch.Database.CreateDbContext();
            var document = await db.Documents.SingleAsync(d => d.Id == id, Cancel);
            (document.IssuedOn, document.DatedOn) = (day, day);
            document.UpdateListedOn();
            await db.SaveChangesAsync(Cancel);
        }
        async Task<int[]> InRange()
        {
            var results = await scratch.Queries().SearchAsync(new SearchFilter("Demoland", From: from, To: to), 25, Viewers.Public, Cancel);
            return [.. results.Items.Select(i => i.Row.Id).Where(three.Contains).Order()];
        }
        await ListOn(three[0], from);
        await ListOn(three[2], to);

        // Outside by its day, its month or its year, before or after the range, each found at once after the edit.
        foreach (var day in new DateOnly[] { new(2011, 5, 13), new(2011, 6, 1), new(2012, 1, 1), new(2010, 12, 31), new(2011, 4, 30), new(2011, 5, 9) })
        {
            await ListOn(three[1], day);
            var inRange = await InRange();
            Assert.True(inRange.SequenceEqual([three[0], three[2]]), $"listed on {day}: {string.Join(", ", inRange)}");
        }
        await ListOn(three[1], new DateOnly(2011, 5, 11));
        Assert.Equal(three, await InRange());
    }

    [Fact]
    public async Task TheCatalogueRecordFollowsEditsInTheSameTransaction()
    {
        await using var scratch = await engine.CreateSeededAsync();
        Task<SearchResults> Find(string query) => scratch.Queries().SearchAsync(new SearchFilter(query), 25, Viewers.Public, Cancel);
        async Task<bool> InStep() => (await scratch.Index.CheckAsync(Cancel)).InStep;

        await using (var db = scratch.Database.CreateDbContext())
        {
            var document = await db.Documents.SingleAsync(d => d.Symbols.Any(s => s.Key == "A/74/500"), Cancel);
            document.CatalogTitle = "Report on zeppelinological cooperation";
            await db.SaveChangesAsync(Cancel);
        }
        Assert.True(Assert.Single((await Find("zeppelinological")).Items).InCatalogue);

        await using (var db = scratch.Database.CreateDbContext())
        {
            var title = await db.AgendaItemTitles.SingleAsync(t => t.Language == "zh" && t.Title == "人民自决的权利", Cancel);
            title.Title = "飞艇合作";
            await db.SaveChangesAsync(Cancel);
        }
        Assert.Empty((await Find("自决")).Items);
        Assert.Contains((await Find("飞艇")).Items, i => i.Row.Symbols.Contains("A/75/950/Corr.1") && i.InCatalogue);

        await using (var db = scratch.Database.CreateDbContext())
        {
            var link = await db.DocumentAgendaItems.SingleAsync(l => l.Document.Symbols.Any(s => s.Value == "A/75/950/Corr.1"), Cancel);
            db.DocumentAgendaItems.Remove(link);
            await db.SaveChangesAsync(Cancel);
        }
        Assert.DoesNotContain((await Find("飞艇")).Items, i => i.Row.Symbols.Contains("A/75/950/Corr.1"));

        await using (var db = scratch.Database.CreateDbContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync(Cancel);
            var document = await db.Documents.SingleAsync(d => d.Symbols.Any(s => s.Key == "A/74/500"), Cancel);
            document.CatalogTitle = "Rolled back: quixotically";
            await db.SaveChangesAsync(Cancel);
            await transaction.RollbackAsync(Cancel);
        }
        Assert.Empty((await Find("quixotically")).Items);
        Assert.True(await InStep());

        await using (var db = scratch.Database.CreateDbContext())
        {
            db.Documents.Add(new Document { Kind = DocumentKind.Report, Status = PublicationStatus.Published, CatalogTitle = "Zeppelinological survey, second part" });
            await db.SaveChangesAsync(Cancel);
            Assert.True(await InStep());
            // A document without any language version is found by its catalogue record, counted, and listed by its catalogue title.
            var found = await Find("zeppelinological");
            Assert.Equal(2, found.TotalCount);
            var untexted = Assert.Single(found.Items, i => i.Row.Versions.Count == 0);
            Assert.Equal("Zeppelinological survey, second part", untexted.Title);
            Assert.True(untexted.InCatalogue);
            Assert.Empty(untexted.Snippet);
            Assert.Equal(untexted.Row.Url, untexted.Url);
            await db.Documents.Where(d => d.CatalogTitle == "Zeppelinological survey, second part").ExecuteDeleteAsync(Cancel);
        }
        Assert.True(await InStep());
        Assert.Single((await Find("zeppelinological")).Items);
    }
}
