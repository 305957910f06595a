using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Portal.Data.Entities;
using Portal.Tests.Support;

namespace Portal.Tests.Data;

/// <summary>
/// The seed letter is held as the real text states it (shared/seed/README.md lists the facts);
/// these tests compare the structured demo data with the raw text extracted from the PDF.
/// </summary>
public partial class DemoDataTests
{
    private static readonly string RawText = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "seed-letter.zh.txt"));

    private static async Task<Document> LoadSeedLetterAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        return await db.Documents.AsNoTracking()
            .Include(d => d.Symbols)
            .Include(d => d.Sessions).ThenInclude(s => s.Session)
            .Include(d => d.AgendaItems).ThenInclude(a => a.AgendaItem).ThenInclude(a => a.Titles)
            .Include(d => d.References)
            .Include(d => d.LanguageVersions).ThenInclude(v => v.Annexes)
            .Include(d => d.LanguageVersions).ThenInclude(v => v.Signatories)
            .Include(d => d.LanguageVersions).ThenInclude(v => v.Footnotes)
            .AsSplitQuery()
            .SingleAsync(d => d.Sender == "Armenia");
    }

    [Fact]
    public async Task SeedLetterIsAJointGeneralAssemblyAndSecurityCouncilLetterWithoutAKnownSymbol()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var letter = await LoadSeedLetterAsync(database);

        Assert.Empty(letter.Symbols);
        Assert.Equal(DocumentKind.Letter, letter.Kind);
        Assert.Equal(new DateOnly(2021, 3, 30), letter.DatedOn);
        Assert.Null(letter.IssuedOn);
        Assert.Null(letter.OriginalLanguage);
        Assert.Equal("Secretary-General", letter.Addressee);
        Assert.Equal(
            [(Organ.GeneralAssembly, 75), (Organ.SecurityCouncil, 2021)],
            letter.Sessions.Select(s => (s.Session.Organ, s.Session.Number)).OrderBy(s => s.Organ));
        Assert.Equal([34, 71, 72, 135], letter.AgendaItems.OrderBy(a => a.Position).Select(a => a.AgendaItem.Number));
        Assert.Equal("Letter dated 30 March 2021 from the Permanent Representative of Armenia to the United Nations addressed to the Secretary-General", letter.CatalogTitle);
    }

    [Fact]
    public async Task SeedLetterHasItsChineseTextAnnexSignatoriesAndFootnotes()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var letter = await LoadSeedLetterAsync(database);

        var version = Assert.Single(letter.LanguageVersions);
        Assert.Equal("zh", version.Language);
        Assert.Equal("2021 年 3 月 30 日亚美尼亚常驻联合国代表给秘书长的信", version.Title);
        var annex = Assert.Single(version.Annexes);
        Assert.Equal("阿尔扎赫共和国外交部长给秘书长的信", annex.Title);

        var letterSignatory = Assert.Single(version.Signatories, s => s.AnnexId is null);
        Assert.Equal("米海尔·马尔加良", letterSignatory.Name);
        Assert.Contains("大使", letterSignatory.Function);
        Assert.Contains("常驻代表", letterSignatory.Function);
        Assert.True(letterSignatory.Signed);
        Assert.Equal("大卫·巴巴扬", Assert.Single(version.Signatories, s => s.AnnexId == annex.Id).Name);

        Assert.Equal(Enumerable.Range(1, 7), version.Footnotes.Where(f => f.AnnexId == annex.Id).OrderBy(f => f.Number).Select(f => f.Number));
        Assert.Equal(5, version.Footnotes.Count(f => f.Urls.Count > 0));
        Assert.Equal(5, version.Footnotes.Count(f => Normalize(f.TextMarkdown).Contains("2021年3月11日访问")));
        Assert.Contains(version.Footnotes, f => f.Number == 7 && f.TextMarkdown.Contains("2021 年 3 月 10 日"));
        for (var n = 1; n <= 7; n++)
        {
            Assert.Contains($"[^{n}]", annex.BodyMarkdown);
        }
    }

    [Fact]
    public async Task SeedLetterRepliesToTheAzerbaijaniLetter()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var letter = await LoadSeedLetterAsync(database);

        var reference = Assert.Single(letter.References);
        Assert.Equal(ReferenceRelation.RepliesTo, reference.Relation);
        Assert.Equal("A/75/778\u2013S/2021/177", reference.TargetSymbol);
        Assert.Equal("A/75/778", reference.TargetKey);
    }

    [Fact]
    public async Task EveryParagraphAndFootnoteOfTheSeedLetterStandsInTheRawText()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var letter = await LoadSeedLetterAsync(database);
        var raw = Normalize(RawText);
        var version = letter.LanguageVersions.Single();

        var paragraphs = version.BodyMarkdown.Split("\n\n").Concat(version.Annexes.Single().BodyMarkdown.Split("\n\n"));
        foreach (var paragraph in paragraphs)
        {
            Assert.Contains(Normalize(StripMarkdown(paragraph)), raw);
        }
        foreach (var footnote in version.Footnotes)
        {
            var text = Normalize(StripMarkdown(footnote.TextMarkdown));
            // The PDF extraction broke the URLs across lines and repeated them at page ends;
            // compare the footnote's words up to its first URL.
            var prefix = text.Split("www.")[0];
            Assert.Contains(prefix, raw);
        }
    }

    [Fact]
    public async Task DemoDataHasTheVarietyBrowsingNeeds()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        await using var db = database.CreateDbContext();

        Assert.True(await db.Sessions.CountAsync(s => s.Organ == Organ.GeneralAssembly) >= 3);
        Assert.True(await db.Sessions.CountAsync(s => s.Organ == Organ.SecurityCouncil) >= 2);
        var languages = await db.LanguageVersions.Select(v => v.Language).Distinct().ToListAsync();
        Assert.Superset(new HashSet<string> { "ar", "en", "fr", "zh" }, languages.ToHashSet());
        Assert.True(await db.DocumentSymbols.AnyAsync(s => s.Value.Contains("/Corr.")));
        Assert.True(await db.DocumentSymbols.AnyAsync(s => s.Value.Contains("/Add.")));
        Assert.True(await db.Documents.AnyAsync(d => d.Distribution == Distribution.Restricted));
        Assert.True(await db.Documents.AnyAsync(d => d.Status == PublicationStatus.Draft));
        var kinds = await db.Documents.Select(d => d.Kind).Distinct().ToListAsync();
        Assert.True(kinds.Count >= 4);
        var joint = await db.DocumentSymbols.Where(s => s.Key == "A/75/778" || s.Key == "S/2021/177").Select(s => s.DocumentId).Distinct().ToListAsync();
        Assert.Single(joint);
    }

    [Fact]
    public async Task SeedingTwiceDoesNotDuplicate()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        await new Portal.Data.Seed.DemoDataSeeder(database, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<Portal.Data.Seed.DemoDataSeeder>.Instance).SeedIfEmptyAsync();
        await using var db = database.CreateDbContext();

        Assert.Equal(1, await db.Documents.CountAsync(d => d.Sender == "Armenia"));
    }

    private static string Normalize(string text) => Whitespace().Replace(text, "").Replace('-', '-');

    // The extracted text keeps footnote calls inline as bare numbers ("资金上1 和").
    private static string StripMarkdown(string markdown) =>
        MarkdownLink().Replace(FootnoteCall().Replace(markdown, "$1"), "$1");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\[\^(\d+)\]")]
    private static partial Regex FootnoteCall();

    [GeneratedRegex(@"\[([^\]]+)\]\([^)]+\)")]
    private static partial Regex MarkdownLink();
}
