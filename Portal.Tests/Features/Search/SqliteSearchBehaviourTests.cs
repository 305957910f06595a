using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Catalogue;
using Portal.Data.Entities;
using Portal.Data.Search;
using Portal.Features.Search;
using Portal.Infrastructure;
using Portal.Tests.Support;

namespace Portal.Tests.Features.Search;

/// <summary>The SQLite FTS5 index over a real (in-memory) SQLite database migrated by the app's migrations.</summary>
public sealed class SqliteSearchEngine : SearchEngineFixture
{
    public override async Task<SearchEngine> CreateSeededAsync()
    {
        var database = await TestDatabase.CreateSeededAsync();
        return new SearchEngine(database, new SqliteSearchIndex(database), database);
    }
}

public sealed class SqliteSearchBehaviourTests(SqliteSearchEngine engine) : SearchBehaviourTests<SqliteSearchEngine>(engine);

/// <summary>What the SQLite word index does beyond the behaviour every engine shares: bounded reads with exact counts, filters in the index.</summary>
public sealed class SqliteSearchIndexTests(SqliteSearchEngine engine) : IClassFixture<SqliteSearchEngine>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AVeryCommonWordReadsTheNewestMatchesFirstAndStillCountsThemAll()
    {
        var all = await engine.Shared.Queries().SearchAsync(new SearchFilter("Demo"), 25, Viewers.Public, Cancel);

        var bounded = await engine.Shared.Queries(maxMatchedVersions: 3).SearchAsync(new SearchFilter("Demo"), 25, Viewers.Public, Cancel);

        Assert.True(bounded.Truncated);
        Assert.True(bounded.TotalIsExact);
        Assert.Equal(all.TotalCount, bounded.TotalCount);
        Assert.InRange(bounded.Items.Count, 1, 3);
        // Newest documents first: the highest document id among all that match is among those read.
        Assert.Contains(bounded.Items, i => i.Row.Id == all.Items.Max(a => a.Row.Id));
    }

    [Fact]
    public async Task AFilteredSearchIsCountedExactlyInTheIndexEvenWhenItsReadIsBounded()
    {
        var filter = new SearchFilter("Demoland", AgendaItem: new AgendaItemKey(Organ.GeneralAssembly, 75, 71));
        var exact = await engine.Shared.Queries().SearchAsync(filter, 25, Viewers.Public, Cancel);

        var filtered = await engine.Shared.Queries(maxMatchedVersions: 1).SearchAsync(filter, 25, Viewers.Public, Cancel);

        Assert.True(exact.TotalCount >= 2);
        Assert.False(exact.Truncated);
        Assert.True(filtered.Truncated);
        Assert.True(filtered.TotalIsExact);
        Assert.Equal(exact.TotalCount, filtered.TotalCount);
        // A filtered search reads its oldest matches first, which are all there is only when they fit the limit: here the newest is read.
        Assert.Equal(exact.Items.Max(i => i.Row.Id), Assert.Single(filtered.Items).Row.Id);
    }

    [Fact]
    public async Task AFilteredSearchReadsItsNewestMatchesWhateverTheLimit()
    {
        await using var db = engine.Shared.Database.CreateDbContext();
        var session = await db.Sessions.Where(s => s.Organ == Organ.GeneralAssembly && s.Number == 75).Select(s => s.Id).SingleAsync(Cancel);
        var all = (await engine.Shared.Index.SearchAsync(Request(1_000), Cancel)).Hits.Select(h => h.DocumentId).ToHashSet();
        SearchRequest Request(int limit) => new([new SearchTerm("Demo", SearchTermKind.Substring)], new SearchScope(SessionId: session), Viewers.Public, limit);

        var limits = 0;
        for (var limit = 1; ; limit++)
        {
            var read = await engine.Shared.Index.SearchAsync(Request(limit), Cancel);
            if (!read.Truncated)
            {
                break;
            }
            // The rows read are the newest (oldest first, then forwards from below the newest, or newest first): every
            // document found is newer than every matching document left out.
            var found = read.Hits.Select(h => h.DocumentId).ToHashSet();
            Assert.InRange(found.Count, 1, limit);
            Assert.True(found.Min() > all.Except(found).DefaultIfEmpty(0).Max(), $"limit {limit}");
            limits++;
        }
        Assert.True(limits >= 5, $"{limits} limits truncated");
    }

    [Fact]
    public async Task AFilteredSearchRanksItsMatchesAsTheUnfilteredSearchDoes()
    {
        await using var db = engine.Shared.Database.CreateDbContext();
        var item = await db.AgendaItems.Where(a => a.Number == 71 && a.Session.Organ == Organ.GeneralAssembly && a.Session.Number == 75)
            .Select(a => a.Id).SingleAsync(Cancel);
        SearchRequest Request(SearchScope scope) => new([new SearchTerm("Demoland", SearchTermKind.Substring)], scope, Viewers.Public, 1_000);

        var everywhere = (await engine.Shared.Index.SearchAsync(Request(SearchScope.Everything), Cancel)).Hits.ToDictionary(h => h.DocumentId, h => h.Rank);
        var inTheItem = (await engine.Shared.Index.SearchAsync(Request(new SearchScope(AgendaItemId: item)), Cancel)).Hits;

        Assert.True(inTheItem.Count >= 2);
        // Their titles name Demoland: ranked above a match in the text alone, filtered or not.
        Assert.Contains(inTheItem, h => h.Rank > 0);
        Assert.All(inTheItem, h => Assert.Equal(everywhere[h.DocumentId], h.Rank));
    }

    [Fact]
    public async Task ADocumentWhoseTranslationsMatchAlikeIsShownInEnglish()
    {
        // The year, in Western digits in the title of every version, Arabic included.
        var hits = (await engine.Shared.Index.SearchAsync(new SearchRequest([new SearchTerm("2021", SearchTermKind.Substring)],
            SearchScope.Everything, Viewers.Public, 1_000), Cancel)).Hits;
        var shown = await engine.Shared.Index.ReadShownTextsAsync(hits, Cancel);

        // Ranks here are whole bonuses (title, phrase), so translations of one text tie, and the tie goes to English,
        // though Arabic and Chinese come before it in the row ids.
        var translated = hits.Where(h => h.MatchedIn.Contains("en") && h.MatchedIn.Contains("ar")).ToList();
        Assert.NotEmpty(translated);
        Assert.All(translated, h => Assert.Equal("en", shown[h.DocumentId].Language));
    }

    [Fact]
    public async Task ARestrictedDocumentIsCountedOnlyForThoseWhoMaySeeIt()
    {
        var request = (Viewer viewer) => new SearchRequest([new SearchTerm("Demo", SearchTermKind.Substring)], SearchScope.Everything, viewer, 1);

        var forThePublic = await engine.Shared.Index.SearchAsync(request(Viewers.Public), Cancel);
        var forTheDelegation = await engine.Shared.Index.SearchAsync(request(Viewers.Delegation), Cancel);
        var forTheSecretariat = await engine.Shared.Index.SearchAsync(request(Viewers.Secretariat), Cancel);

        var totals = new[] { await forThePublic.Total, await forTheDelegation.Total, await forTheSecretariat.Total };
        Assert.All([forThePublic, forTheDelegation, forTheSecretariat], h => Assert.True(h.Truncated));
        Assert.All(totals, t => Assert.True(t.IsExact));
        Assert.Equal(totals[0].Count + 1, totals[1].Count);
        Assert.Equal(totals[0].Count + 2, totals[2].Count);
    }

    [Fact]
    public async Task TheAccessRuleHasTheLastWordOverTagsTheIndexFailedToChange()
    {
        await using var scratch = await engine.CreateSeededAsync();
        Task<int> Count(Viewer viewer) => scratch.Queries().SearchAsync(new SearchFilter("disarmament"), 25, viewer, Cancel).ContinueWith(t => t.Result.TotalCount, Cancel);
        async Task Change(Action<Document> change)
        {
            await using var db = scratch.Database.CreateDbContext();
            var document = await db.Documents.Include(d => d.MemberStates).SingleAsync(d => d.Symbols.Any(s => s.Key == "A/74/600"), Cancel);
            change(document);
            await db.SaveChangesAsync(Cancel);
        }
        Assert.Equal(1, await Count(Viewers.Public));
        // Without its triggers the index keeps A/74/600's tags as they were (General, published); the saves still stamp it.
        await using (var db = scratch.Database.CreateDbContext())
        {
            await db.Database.OpenConnectionAsync(Cancel);
            var triggers = await db.Database.SqlQueryRaw<string>("SELECT name AS Value FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'SearchIndex%'").ToListAsync(Cancel);
            Assert.NotEmpty(triggers);
            // The names come from sqlite_master, not from input.
            var drop = string.Concat(triggers.Select(t => $"DROP TRIGGER \"{t}\";"));
            await db.Database.ExecuteSqlRawAsync(drop, Cancel);
        }

        await Change(d =>
        {
            d.Distribution = Distribution.Restricted;
            d.MemberStates.Add(new DocumentMemberState { MemberState = "Demoland" });
        });
        Assert.Equal(0, await Count(Viewers.Public));
        Assert.Equal(1, await Count(Viewers.Delegation));
        Assert.Equal(0, await Count(Viewers.OtherDelegation));

        await Change(d => d.Status = PublicationStatus.Withdrawn);
        Assert.Equal(0, await Count(Viewers.Delegation));
        Assert.Equal(1, await Count(Viewers.Secretariat));
    }

    [Fact]
    public async Task TheWarmUpAtStartReadsWhatTheFirstSearchAnswersFrom()
    {
        await using var scratch = await engine.CreateSeededAsync();
        Task<int> Count() => scratch.Queries().SearchAsync(new SearchFilter("disarmament"), 25, Viewers.Public, Cancel).ContinueWith(t => t.Result.TotalCount, Cancel);
        Task Publish(PublicationStatus status) => WithA74600Async(scratch, q => q.ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, status), Cancel));
        await using (var db = scratch.Database.CreateDbContext())
        {
            // Stamped an hour back, where a look no longer reads them.
            await db.Documents.ExecuteUpdateAsync(s => s.SetProperty(d => d.ChangedAt, DateTimeOffset.UtcNow - TimeSpan.FromHours(1)), Cancel);
        }
        await Publish(PublicationStatus.Withdrawn);
        using var warmUp = new SearchWarmUp(scratch.Index, NullLogger<SearchWarmUp>.Instance);

        await warmUp.StartAsync(Cancel);
        await warmUp.ExecuteTask!;
        // Published again behind the stamps' back: the index's triggers tag it visible, but the memory read at start (and
        // only looked at since) still holds it withdrawn. Had the first search read the catalogue itself, it would find it.
        await Publish(PublicationStatus.Published);

        Assert.Equal(0, await Count());
        // A stamped save is seen by the next look.
        await WithA74600Async(scratch, q => q.ExecuteUpdateAsync(s => s.SetProperty(d => d.ChangedAt, DateTimeOffset.UtcNow), Cancel));
        Assert.Equal(1, await Count());
    }

    private static async Task WithA74600Async(SearchEngine scratch, Func<IQueryable<Document>, Task> change)
    {
        await using var db = scratch.Database.CreateDbContext();
        await change(db.Documents.Where(d => d.Symbols.Any(s => s.Key == "A/74/600")));
    }

    [Fact]
    public async Task TheTriggersListEveryWordTheIndexHoldsAndNoOther()
    {
        await using var db = engine.Shared.Database.CreateDbContext();
        await db.Database.OpenConnectionAsync(Cancel);
        var words = await db.Database.SqlQueryRaw<string>("SELECT Word AS Value FROM SearchWords ORDER BY Word").ToListAsync(Cancel);
        await db.Database.ExecuteSqlRawAsync("CREATE VIRTUAL TABLE IF NOT EXISTS temp.SearchColumnTerms USING fts5vocab(main, SearchIndex, col)", Cancel);
        var vocabulary = await db.Database.SqlQueryRaw<string>("SELECT DISTINCT term AS Value FROM temp.SearchColumnTerms WHERE col <> 'Tags' ORDER BY term").ToListAsync(Cancel);

        await db.Database.ExecuteSqlRawAsync("DROP TABLE temp.SearchColumnTerms", Cancel);

        // Six languages, Latin diacritics, Arabic marks and Chinese bigrams: the C# word list and FTS5's tokenizer agree.
        Assert.Contains(vocabulary, w => w.Any(c => c is >= 'а' and <= 'я'));
        Assert.Contains(vocabulary, w => w.Any(c => c is >= '\u0621' and <= '\u064A'));
        Assert.Contains("地雷", vocabulary);
        Assert.Equal(vocabulary, words);
    }

    [Fact]
    public async Task AWordIsWidenedToTheIndexedWordsItBegins()
    {
        var search = (string q) => engine.Shared.Queries().SearchAsync(new SearchFilter(q), 25, Viewers.Public, Cancel);

        var prefix = await search("Demol");
        var whole = await search("Demoland");

        Assert.True(prefix.TotalCount > 0);
        Assert.Equal(whole.Items.Select(i => i.Row.Id).Order(), prefix.Items.Select(i => i.Row.Id).Order());
    }

    [Fact]
    public async Task TheIndexHoldsOneRowPerLanguageVersionAndPerDocumentAndNoText()
    {
        await using var db = engine.Shared.Database.CreateDbContext();
        var versions = await db.LanguageVersions.CountAsync(Cancel) + await db.Documents.CountAsync(Cancel);
        await db.Database.OpenConnectionAsync(Cancel);
        await db.Database.ExecuteSqlRawAsync("CREATE VIRTUAL TABLE IF NOT EXISTS temp.SearchRows USING fts5vocab(main, SearchIndex, instance)", Cancel);

        Assert.Equal(versions, await db.Database.SqlQueryRaw<int>("SELECT count(DISTINCT doc) AS Value FROM temp.SearchRows").SingleAsync(Cancel));
        Assert.Equal(0, await db.Database.SqlQueryRaw<int>("SELECT count(*) AS Value FROM sqlite_master WHERE name = 'SearchIndex_content'").SingleAsync(Cancel));
        await db.Database.ExecuteSqlRawAsync("DROP TABLE temp.SearchRows", Cancel);
    }

    [Fact]
    public async Task ADamagedIndexIsReportedAndRebuiltFromTheCatalogue()
    {
        await using var scratch = await engine.CreateSeededAsync();

        await SearchRebuildCheck.DamageIsReportedAndTheRebuildRepairsItAsync(scratch, new SqliteSearchIndex(scratch.Database) { RebuildBatch = 3 },
            id => $"DELETE FROM SearchIndex WHERE rowid BETWEEN {id * 8} AND {id * 8 + 7}");
    }

    [Fact]
    public async Task ASearchLeavesNothingOnTheConnection()
    {
        await engine.Shared.Queries().SearchAsync(new SearchFilter("Demoland", Language: "en"), 25, Viewers.Public, Cancel);
        await engine.Shared.Queries().SearchAsync(new SearchFilter("地雷", Kind: DocumentKind.Letter), 25, Viewers.Public, Cancel);

        await using var db = engine.Shared.Database.CreateDbContext();
        Assert.Equal(0, await db.Database.SqlQueryRaw<int>("SELECT count(*) AS Value FROM temp.sqlite_master").SingleAsync(Cancel));
    }

    [Theory]
    [InlineData(null, null, true)]
    [InlineData("1950-01-01", "1960-06-30", true)]
    [InlineData(null, "1960-06-30", true)]
    [InlineData("1950-01-01", null, true)]
    [InlineData("1900-01-01", "2100-12-31", true)]
    [InlineData("1850-01-01", "1960-06-30", false)]
    [InlineData(null, "1860-12-31", false)]
    [InlineData("1899-12-31", null, false)]
    [InlineData("2150-01-01", null, false)]
    [InlineData("1950-01-01", "2101-01-01", false)]
    public void TheFilterTagsSayWhetherTheyMatchADateRangeExactly(string? from, string? to, bool exact)
    {
        var scope = new SearchScope(From: from is null ? null : DateOnly.Parse(from, CultureInfo.InvariantCulture),
            To: to is null ? null : DateOnly.Parse(to, CultureInfo.InvariantCulture));

        Assert.Equal(exact, SearchTags.MatchExactly(scope));
    }

    [Theory]
    [InlineData("y2021")]          // the year the seed letter is listed in
    [InlineData("l656e")]          // English's language tag
    [InlineData("y2021 l656e")]
    public async Task AWordShapedLikeATagDoesNotFindDocumentsByTheirTags(string query)
    {
        var results = await engine.Shared.Queries().SearchAsync(new SearchFilter(query), 25, Viewers.Secretariat, Cancel);

        Assert.Equal(0, results.TotalCount);
        Assert.Empty(results.Items);
    }

    [Fact]
    public void EveryTagAndEveryStartOfOneIsKnownToBeShapedLikeATagAndWordsAreNot()
    {
        var tags = new[] { "en", "zh", "ar", "fr", "ru", "es", "de" }.SelectMany(language => new[]
        {
            SearchTags.Of(language, PublicationStatus.Withdrawn, Distribution.Restricted, DocumentKind.Other, "中华人民共和国",
                new DateOnly(2021, 3, 30), [3, 75], [Organ.GeneralAssembly, Organ.SecurityCouncil], [12, 3456], ["Демоленд", "Ruritania"]),
            SearchTags.Of(null, PublicationStatus.Draft, Distribution.General, DocumentKind.Letter, "Armenia", new DateOnly(1850, 1, 1), [], [], [], []),
            SearchTags.Of(language, PublicationStatus.Published, Distribution.Limited, DocumentKind.Report, null, new DateOnly(2150, 12, 31), [], [], [], []),
        }).SelectMany(t => SearchText.Words(t)).Distinct().ToList();

        Assert.Contains("ynew", tags);
        Assert.All(tags, tag => Assert.All(Enumerable.Range(1, tag.Length), length => Assert.True(SearchTags.CouldBeTag(tag[..length]), tag[..length])));
        Assert.All(new[] { "refugees", "seed", "demoland", "2021", "地雷", "الهجرة", "беженцы", "legal", "yes", "s12a", "dead" },
            word => Assert.False(SearchTags.CouldBeTag(word), word));
    }

    [Theory]
    [InlineData("2013-12-31", "y2013")]
    [InlineData("1850-03-01", "yold")]
    [InlineData("2014-02-27", "m201402")]
    [InlineData("2014-03-09", "t20140309")]
    [InlineData("2016-07-01", "m201607")]
    [InlineData("2016-06-21", "t20160621")]
    [InlineData("2017-01-01", "y2017")]
    [InlineData("2150-01-01", "ynew")]
    public void ADayOutsideARangeIsExcludedByItsCoarsestTokenOutsideIt(string day, string token)
    {
        var (from, to) = (new DateOnly(2014, 3, 10), new DateOnly(2016, 6, 20));

        Assert.Equal(token, SearchTags.Outside(DateOnly.Parse(day, CultureInfo.InvariantCulture), from, to));
        Assert.Contains(token, SearchTags.Of("en", PublicationStatus.Published, Distribution.General, DocumentKind.Letter, null,
            DateOnly.Parse(day, CultureInfo.InvariantCulture), [], [], [], []).Split(' '));
        Assert.DoesNotContain(token, SearchTags.Dates(from, to));
    }
}
