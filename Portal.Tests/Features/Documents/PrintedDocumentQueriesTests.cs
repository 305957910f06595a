using Microsoft.EntityFrameworkCore;
using Portal.Domain;
using Portal.Features.Documents;
using Portal.Tests.Support;

namespace Portal.Tests.Features.Documents;

public class PrintedDocumentQueriesTests
{
    [Fact]
    public async Task ThePrintedVersionHoldsWhatThePageShowsOfIt()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        int id;
        await using (var db = database.CreateDbContext())
        {
            id = await db.Documents.Where(d => d.Sender == "Armenia").Select(d => d.Id).SingleAsync(Cancel);
        }

        var printed = await new PrintedDocumentQueries(database).GetAsync(id, "zh", Viewers.Public, Cancel);
        var page = (await new DocumentQueries(database).GetAsync(id, "zh", Viewers.Public, Cancel))!.Printed();

        Assert.NotNull(printed);
        Assert.Equal(page.Title, printed.Title);
        Assert.Equal(page.BodyMarkdown, printed.BodyMarkdown);
        Assert.Equal(page.Symbols, printed.Symbols);
        Assert.Equal(page.Sessions, printed.Sessions);
        Assert.Equal(page.AgendaItems, printed.AgendaItems);
        Assert.Equal(page.Signatories, printed.Signatories);
        Assert.Equal(page.Footnotes.Select(f => (f.Number, f.TextMarkdown)), printed.Footnotes.Select(f => (f.Number, f.TextMarkdown)));
        var annex = Assert.Single(printed.Annexes);
        Assert.Equal("大卫·巴巴扬", Assert.Single(annex.Signatories).Name);
        Assert.Equal(7, annex.Footnotes.Count);
        Assert.Contains(printed.AgendaItems, i => i.Number == 71 && i.Title.Length > 0);
    }

    [Fact]
    public async Task OnlyTheLanguageAskedForIsPrintedNeverAnother()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        int id;
        await using (var db = database.CreateDbContext())
        {
            var key = UnSymbol.Parse("A/75/778").Key;
            id = await db.DocumentSymbols.Where(s => s.Key == key).Select(s => s.DocumentId).SingleAsync(Cancel);
        }
        var queries = new PrintedDocumentQueries(database);

        Assert.Equal("en", (await queries.GetAsync(id, "en", Viewers.Public, Cancel))!.Language);
        Assert.Null(await queries.GetAsync(id, "ru", Viewers.Public, Cancel));
    }

    [Fact]
    public async Task RestrictedDocumentsAreNotPrintedForThePublic()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        int id;
        string language;
        await using (var db = database.CreateDbContext())
        {
            var key = UnSymbol.Parse("A/75/R.1").Key;
            id = await db.DocumentSymbols.Where(s => s.Key == key).Select(s => s.DocumentId).SingleAsync(Cancel);
            language = await db.LanguageVersions.Where(v => v.DocumentId == id).Select(v => v.Language).FirstAsync(Cancel);
        }
        var queries = new PrintedDocumentQueries(database);

        Assert.Null(await queries.GetAsync(id, language, Viewers.Public, Cancel));
        Assert.NotNull(await queries.GetAsync(id, language, Viewers.Delegation, Cancel));
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
}
