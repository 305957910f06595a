using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Tests.Support;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Portal.Tests.Features.Rendering;

public partial class GeneratedPdfTests : IClassFixture<PortalAppFactory>
{
    private readonly PortalAppFactory _app;

    public GeneratedPdfTests(PortalAppFactory app) => _app = app;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SeedLetterPdfIsGeneratedWithItsChineseTitleAndSignatories()
    {
        var response = await _app.CreateClient().GetAsync("/documents/1/zh.pdf", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var text = ExtractText(await response.Content.ReadAsByteArrayAsync(Cancel));
        Assert.Contains(Squash("2021 年 3 月 30 日亚美尼亚常驻联合国代表给秘书长的信"), text);
        Assert.Contains("米海尔·马尔加良", text);
        Assert.Contains("大卫·巴巴扬", text);
        // Fonts are embedded as real fonts, whose text maps to the ideographs, not to look-alike radicals.
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync(Cancel));
        var letters = pdf.GetPages().SelectMany(p => p.Letters).ToList();
        Assert.Contains(letters, l => l.FontName?.Contains("WenQuanYi", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(letters, l => l.Value.Any(c => c is >= '\u2E80' and <= '\u2FDF'));
    }

    [Fact]
    public async Task GeneratedPdfIsCachedAndRemadeWhenTheTextChanges()
    {
        var client = _app.CreateClient();
        var first = await client.GetAsync("/A/74/600/ru.pdf", Cancel);
        var again = await client.GetAsync("/A/74/600/ru.pdf", Cancel);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(first.Headers.ETag, again.Headers.ETag);

        await using (var db = _app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext())
        {
            var version = await db.LanguageVersions.SingleAsync(v => v.Language == "ru" && v.Document.Symbols.Any(s => s.Key == "A/74/600"), Cancel);
            version.Title = "Исправленное название документа";
            version.UpdatedAt = DateTimeOffset.UtcNow;
            await db.SaveChangesAsync(Cancel);
        }
        var remade = await client.GetAsync("/A/74/600/ru.pdf", Cancel);

        Assert.Equal(HttpStatusCode.OK, remade.StatusCode);
        Assert.NotEqual(first.Headers.ETag, remade.Headers.ETag);
        Assert.Contains(Squash("Исправленное название документа"), ExtractText(await remade.Content.ReadAsByteArrayAsync(Cancel)));
    }

    [Fact]
    public async Task ArabicPdfIsSetInAnEmbeddedArabicFont()
    {
        var response = await _app.CreateClient().GetAsync("/A/75/975/ar.pdf", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync(Cancel));
        var arabic = pdf.GetPages().SelectMany(p => p.Letters).Where(l => l.Value.Any(c => c is >= '\u0600' and <= '\u06FF' or >= '\uFB50' and <= '\uFEFF')).ToList();
        // Extraction order of shaped right-to-left runs differs between tools, so this checks the
        // glyphs and their font rather than comparing strings.
        Assert.True(arabic.Count > 100, $"only {arabic.Count} Arabic glyphs");
        Assert.All(arabic, l => Assert.Contains("Arabic", l.FontName ?? "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ArabicPdfIsShapedAndReadsRightToLeft()
    {
        var response = await _app.CreateClient().GetAsync("/A/75/950/ar.pdf", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync(Cancel));
        var letters = pdf.GetPages().SelectMany(p => p.Letters).ToList();
        var lines = pdf.GetPages().SelectMany(p => p.Letters.GroupBy(l => Math.Round(l.StartBaseLine.Y))).ToList();
        var fromRight = lines.Select(l => Read(l.OrderByDescending(x => x.StartBaseLine.X))).ToList();
        var fromLeft = lines.Select(l => Read(l.OrderBy(x => x.StartBaseLine.X))).ToList();

        // Arabic runs are laid out right to left: read from the right edge, the glyphs give the
        // agenda title, the body and the signatory's name; read from the left they do not.
        Assert.Contains(fromRight, l => l.Contains("حقالشعوبفيتقريرالمصير", StringComparison.Ordinal));
        Assert.Contains(fromRight, l => l.Contains("بياناصادراعنوزارةخارجية", StringComparison.Ordinal));
        Assert.Contains(fromRight, l => l.Contains("أليكسإكزامبل", StringComparison.Ordinal));
        Assert.DoesNotContain(fromLeft, l => l.Contains("حقالشعوبفيتقريرالمصير", StringComparison.Ordinal));
        // The English header labels, dates and the job number still read left to right inside the Arabic page.
        Assert.Contains(fromLeft, l => l.Contains("Distr.:General", StringComparison.Ordinal));
        Assert.Contains(fromLeft, l => l.Contains("5May2021", StringComparison.Ordinal));
        Assert.Contains(fromLeft, l => l.Contains("21-90001(A)", StringComparison.Ordinal));
        // Shaped: letters take their joined (initial, medial, final) glyphs, whose widths differ,
        // rather than one isolated glyph per letter everywhere.
        var lettersWithSeveralForms = letters
            .Where(l => l.Value.Length == 1 && Plain(l.Value) is [>= '\u0620' and <= '\u064A'])
            .GroupBy(l => (Plain(l.Value), l.FontName, Math.Round(l.PointSize, 1)))
            .Count(g => g.Select(l => Math.Round(l.Width, 2)).Distinct().Count() > 1);
        Assert.True(lettersWithSeveralForms >= 5, $"only {lettersWithSeveralForms} Arabic letters appear in more than one joining form");
    }

    private static string ExtractText(byte[] bytes)
    {
        using var pdf = PdfDocument.Open(bytes);
        return Squash(string.Concat(pdf.GetPages().Select(p => p.Text)));
    }

    private static string Read(IEnumerable<Letter> letters) => Squash(Plain(string.Concat(letters.Select(l => l.Value))));

    // Chromium maps shaped Arabic glyphs to presentation forms (U+FExx); NFKC gives the letters back.
    private static string Plain(string text) => text.Normalize(NormalizationForm.FormKC);

    // PDF text extraction drops or invents spaces between glyphs; compare without any.
    private static string Squash(string text) => Whitespace().Replace(text, "");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
