using Microsoft.EntityFrameworkCore;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Features.Documents;
using Portal.Infrastructure;
using Portal.Tests.Support;

namespace Portal.Tests.Features.Documents;

public abstract class DocumentQueriesTests(DatabaseProvider provider)
{
    public sealed class OnSqlite() : DocumentQueriesTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgreSql() : DocumentQueriesTests(DatabaseProvider.PostgreSql);

    private static async Task<int> IdOfAsync(TestDatabase database, string symbol)
    {
        await using var db = database.CreateDbContext();
        return await db.DocumentSymbols.Where(s => s.Key == UnSymbol.Parse(symbol).Key).Select(s => s.DocumentId).SingleAsync();
    }

    private static async Task<int> SeedLetterIdAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        return await db.Documents.Where(d => d.Sender == "Armenia").Select(d => d.Id).SingleAsync();
    }

    [Theory]
    [InlineData("A/75/778")]
    [InlineData("S/2021/177")]
    [InlineData("a/75/778–s/2021/177")]
    [InlineData("s/2021/177 A/75/778")]
    public async Task EverySymbolOfAJointDocumentResolvesToIt(string text)
    {
        await using var database = await TestDatabase.CreateSeededAsync(provider);
        var queries = new DocumentQueries(database);

        var id = await queries.ResolveAsync(UnSymbol.ParseJoint(text), Viewers.Public);

        Assert.Equal(await IdOfAsync(database, "A/75/778"), id);
    }

    [Fact]
    public async Task RestrictedDocumentsAreHiddenFromThePublicButNotFromDelegations()
    {
        await using var database = await TestDatabase.CreateSeededAsync(provider);
        var queries = new DocumentQueries(database);
        var symbols = UnSymbol.ParseJoint("A/75/R.1");

        Assert.Null(await queries.ResolveAsync(symbols, Viewers.Public));
        var id = await queries.ResolveAsync(symbols, Viewers.Delegation);
        Assert.NotNull(id);
        Assert.Null(await queries.GetAsync(id.Value, null, Viewers.Public));
        Assert.NotNull(await queries.GetAsync(id.Value, null, Viewers.Delegation));
    }

    [Fact]
    public async Task DraftsAreVisibleOnlyToTheSecretariat()
    {
        await using var database = await TestDatabase.CreateSeededAsync(provider);
        var queries = new DocumentQueries(database);
        var id = await IdOfAsync(database, "A/75/990");

        Assert.Null(await queries.GetAsync(id, null, Viewers.Public));
        Assert.Null(await queries.GetAsync(id, null, Viewers.Delegation));
        Assert.Equal(PublicationStatus.Draft, (await queries.GetAsync(id, null, Viewers.Secretariat))!.Status);
    }

    [Fact]
    public async Task SeedLetterPageHasItsHeaderBodyAnnexAndReference()
    {
        await using var database = await TestDatabase.CreateSeededAsync(provider);
        var queries = new DocumentQueries(database);

        var detail = await queries.GetAsync(await SeedLetterIdAsync(database), null, Viewers.Public);

        Assert.NotNull(detail);
        Assert.Equal("zh", detail.Language);
        Assert.Empty(detail.Symbols);
        Assert.Equal("2021 年 3 月 30 日亚美尼亚常驻联合国代表给秘书长的信", detail.Title);
        Assert.Equal([34, 71, 72, 135], detail.AgendaItems.Select(a => a.Number));
        Assert.Equal("预防武装冲突", detail.AgendaItems[0].Title);
        Assert.Equal([Organ.GeneralAssembly, Organ.SecurityCouncil], detail.Sessions.Select(s => s.Organ));
        Assert.Equal("米海尔·马尔加良", Assert.Single(detail.Signatories).Name);
        var annex = Assert.Single(detail.Annexes);
        Assert.Equal("大卫·巴巴扬", Assert.Single(annex.Signatories).Name);
        Assert.Equal(7, annex.Footnotes.Count);
        Assert.Empty(detail.Footnotes);

        var reply = Assert.Single(detail.References.Outgoing);
        Assert.Equal(ReferenceRelation.RepliesTo, reply.Relation);
        Assert.True(reply.IsHeld);
        Assert.Equal("/A/75/778", reply.Href);
    }

    [Fact]
    public async Task TheCitedDocumentShowsRepliedToBy()
    {
        await using var database = await TestDatabase.CreateSeededAsync(provider);
        var queries = new DocumentQueries(database);
        var seedId = await SeedLetterIdAsync(database);

        var cited = await queries.GetAsync(await IdOfAsync(database, "A/75/778"), null, Viewers.Public);

        var incoming = Assert.Single(cited!.References.Incoming);
        Assert.Equal(ReferenceRelation.RepliesTo, incoming.Relation);
        Assert.Equal(seedId, incoming.DocumentId);
        Assert.Equal($"/documents/{seedId}", incoming.Href);
    }

    [Fact]
    public async Task ChainedRepliesFormAThreadFromTheFirstLetter()
    {
        await using var database = await TestDatabase.CreateSeededAsync(provider);
        var queries = new DocumentQueries(database);

        // A/75/950 ← A/75/960–S/2021/600 ← A/75/975
        var middle = await queries.GetAsync(await IdOfAsync(database, "A/75/960"), null, Viewers.Public);

        Assert.Equal(
            [(0, "A/75/950", false), (1, "A/75/960\u2013S/2021/600", true), (2, "A/75/975", false)],
            middle!.References.Thread.Select(t => (t.Depth, t.Symbol, t.IsCurrent)));
    }

    [Theory]
    [InlineData("A/75/950")] // replied to, replies to nothing
    [InlineData("A/75/975")] // replies, is not replied to
    public async Task EachEndOfAThreadShowsTheWholeThread(string symbol)
    {
        await using var database = await TestDatabase.CreateSeededAsync(provider);
        var queries = new DocumentQueries(database);

        var letter = await queries.GetAsync(await IdOfAsync(database, symbol), null, Viewers.Public);

        Assert.Equal(["A/75/950", "A/75/960\u2013S/2021/600", "A/75/975"], letter!.References.Thread.Select(t => t.Symbol));
        Assert.Equal(symbol, Assert.Single(letter.References.Thread, t => t.IsCurrent).Symbol);
    }

    [Fact]
    public async Task AReferenceToAnUnheldSymbolLinksToUndocsUntilThatDocumentIsRegistered()
    {
        await using var database = await TestDatabase.CreateSeededAsync(provider);
        var queries = new DocumentQueries(database);
        var citingId = await IdOfAsync(database, "A/76/120");

        var before = (await queries.GetAsync(citingId, null, Viewers.Public))!.References.Outgoing.Single(r => r.Symbol == "A/76/1");
        Assert.False(before.IsHeld);
        Assert.Equal("https://undocs.org/en/A/76/1", before.Href);

        await using (var db = database.CreateDbContext())
        {
            var registered = new Document { Kind = DocumentKind.Report, Status = PublicationStatus.Published, IssuedOn = new DateOnly(2021, 8, 1) };
            registered.SetSymbols([UnSymbol.Parse("a/76/1")]);
            registered.UpdateListedOn();
            registered.LanguageVersions.Add(new LanguageVersion { Language = "en", Title = "Report on the work of the Organization (test)", BodyMarkdown = "Text." });
            db.Documents.Add(registered);
            await db.SaveChangesAsync();
        }

        var after = (await queries.GetAsync(citingId, null, Viewers.Public))!.References.Outgoing.Single(r => r.Symbol == "A/76/1");
        Assert.True(after.IsHeld);
        Assert.Equal("/A/76/1", after.Href);
    }

    [Fact]
    public async Task ARestrictedCitingDocumentIsNotListedAsReplyForThePublic()
    {
        await using var database = await TestDatabase.CreateSeededAsync(provider);
        await using (var db = database.CreateDbContext())
        {
            var secret = new Document
            {
                Kind = DocumentKind.Letter,
                Status = PublicationStatus.Published,
                Distribution = Distribution.Restricted,
                MemberStates = [new DocumentMemberState { MemberState = "Demoland" }],
            };
            secret.SetSymbols([UnSymbol.Parse("A/75/R.2")]);
            secret.AddReference(ReferenceRelation.RepliesTo, "A/75/778");
            secret.LanguageVersions.Add(new LanguageVersion { Language = "en", Title = "Restricted reply", BodyMarkdown = "Secret." });
            db.Documents.Add(secret);
            await db.SaveChangesAsync();
        }
        var queries = new DocumentQueries(database);
        var id = await IdOfAsync(database, "A/75/778");

        Assert.DoesNotContain((await queries.GetAsync(id, null, Viewers.Public))!.References.Incoming, r => r.Symbol == "A/75/R.2");
        Assert.Contains((await queries.GetAsync(id, null, Viewers.Delegation))!.References.Incoming, r => r.Symbol == "A/75/R.2");
        Assert.DoesNotContain((await queries.GetAsync(id, null, Viewers.OtherDelegation))!.References.Incoming, r => r.Symbol == "A/75/R.2");
    }

    [Fact]
    public async Task RequestedLanguageIsShownWhenHeldAndEnglishOtherwise()
    {
        await using var database = await TestDatabase.CreateSeededAsync(provider);
        var queries = new DocumentQueries(database);
        var id = await IdOfAsync(database, "A/75/950");

        Assert.Equal("ar", (await queries.GetAsync(id, "ar", Viewers.Public))!.Language);
        Assert.Equal("fr", (await queries.GetAsync(id, "fr", Viewers.Public))!.Language);
        Assert.Equal("en", (await queries.GetAsync(id, "ru", Viewers.Public))!.Language);
        Assert.Equal("en", (await queries.GetAsync(id, null, Viewers.Public))!.Language);
    }

    [Theory]
    [InlineData("zh", "en", new[] { "en", "zh" }, "zh")]
    [InlineData(null, "ar", new[] { "ar", "fr" }, "ar")]
    [InlineData("xx", null, new[] { "fr", "ru" }, "fr")]
    [InlineData(null, null, new string[0], null)]
    public void ChooseLanguagePrefersRequestedThenEnglishThenOriginal(string? requested, string? original, string[] held, string? expected)
    {
        var availability = held.Select(l => new LanguageAvailability(l, "t", null)).ToList();

        Assert.Equal(expected, DocumentQueries.ChooseLanguage(requested, original, availability));
    }
}
