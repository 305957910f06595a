using Microsoft.EntityFrameworkCore;
using Portal.Data.Entities;
using Portal.Features.Search;
using Portal.Tests.Support;

namespace Portal.Tests.Features.Search;

/// <summary>
/// A small judged query set: for each query, which document a reader expects above which. It runs through
/// <see cref="SearchQueries"/> on a demo catalogue with a few documents added for the judgements, and fails
/// when ranking regresses. An engine joins by subclassing with its fixture.
/// </summary>
public abstract class SearchRelevanceTests<TEngine>(TEngine engine) : IClassFixture<TEngine>
    where TEngine : SearchEngineFixture
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<List<int>> Ranked(SearchEngine scratch, string query) =>
        (await scratch.Queries().SearchAsync(new SearchFilter(query), 25, Viewers.Public, Cancel)).Items.Select(i => i.Row.Id).ToList();

    private static async Task<int> AddAsync(SearchEngine scratch, string title, string body, DateOnly issued)
    {
        await using var db = scratch.Database.CreateDbContext();
        var document = new Document
        {
            Kind = DocumentKind.Report,
            Status = PublicationStatus.Published,
            IssuedOn = issued,
            CreatedAt = DateTimeOffset.UtcNow,
            LanguageVersions = [new LanguageVersion { Language = "en", Title = title, BodyMarkdown = body, UpdatedAt = DateTimeOffset.UtcNow }],
        };
        document.UpdateListedOn();
        db.Documents.Add(document);
        await db.SaveChangesAsync(Cancel);
        return document.Id;
    }

    private const string Filler = "The Committee considered the matter at its meetings and took note of the information provided by the delegations. ";

    [Fact]
    public async Task JudgedQueriesRankTheExpectedDocumentFirst()
    {
        await using var scratch = await engine.CreateSeededAsync();
        var day = new DateOnly(2024, 5, 2);
        // Added oldest first: in each pair the document a reader expects first is the older one, so recency alone would get it wrong.
        var inTitle = await AddAsync(scratch, "Quokka conservation programme", Filler + Filler, day);
        var inBody = await AddAsync(scratch, "Report of the Committee", Filler + "The quokka was discussed. " + Filler, day);
        var phrase = await AddAsync(scratch, "Note by the Secretariat", Filler + "A wombat habitat survey was presented. " + Filler, day);
        var scattered = await AddAsync(scratch, "Note by the Secretariat", "A wombat was seen. " + Filler + "The habitat was surveyed. " + Filler, day);
        var older = await AddAsync(scratch, "Numbat census", Filler, day);
        var newer = await AddAsync(scratch, "Numbat census", Filler, day);
        int seedLetter;
        await using (var db = scratch.Database.CreateDbContext())
        {
            seedLetter = await db.Documents.Where(d => d.Sender == "Armenia" && !d.Symbols.Any()).Select(d => d.Id).SingleAsync(Cancel);
        }

        var quokka = await Ranked(scratch, "quokka");
        Assert.True(quokka.IndexOf(inTitle) is >= 0 and var t && t < quokka.IndexOf(inBody), "a title match comes above a body match");
        var wombat = await Ranked(scratch, "wombat habitat");
        Assert.True(wombat.IndexOf(phrase) is >= 0 and var p && p < wombat.IndexOf(scattered), "the words together come above the words scattered");
        Assert.Equal([newer, older], (await Ranked(scratch, "numbat")).Take(2));
        Assert.Equal(seedLetter, (await Ranked(scratch, "地雷 阿尔扎赫"))[0]);
        var symbol = await scratch.Queries().SearchAsync(new SearchFilter("A/75/778"), 25, Viewers.Public, Cancel);
        Assert.Equal("/A/75/778", symbol.RedirectUrl);
    }
}

public sealed class SqliteSearchRelevanceTests(SqliteSearchEngine engine) : SearchRelevanceTests<SqliteSearchEngine>(engine);

public sealed class PostgreSqlSearchRelevanceTests(PostgreSqlSearchEngine engine) : SearchRelevanceTests<PostgreSqlSearchEngine>(engine);
