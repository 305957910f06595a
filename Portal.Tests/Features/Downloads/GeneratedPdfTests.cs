using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Tests.Support;
using UglyToad.PdfPig;

namespace Portal.Tests.Features.Downloads;

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

    private static string ExtractText(byte[] bytes)
    {
        using var pdf = PdfDocument.Open(bytes);
        return Squash(string.Concat(pdf.GetPages().Select(p => p.Text)));
    }

    // PDF text extraction drops or invents spaces between glyphs; compare without any.
    private static string Squash(string text) => Whitespace().Replace(text, "");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
