using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Markdig;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;

namespace Portal.Features.Downloads;

/// <summary>
/// Gives the demo documents Word files, made at seed time with the Open XML SDK from each
/// version's title and text, so the download panels and archives have issued files to offer
/// next to the generated PDFs. Documents without a symbol (the real seed letter) get none: the
/// portal holds no Word file of it, and its PDF is generated from the text.
/// </summary>
public sealed class DemoFiles(IDbContextFactory<PortalDbContext> contextFactory, DocumentFileCommands commands, ILogger<DemoFiles> logger)
{
    public async Task AttachAsync(CancellationToken cancellationToken = default)
    {
        await using var db = contextFactory.CreateDbContext();
        var versions = await db.LanguageVersions.AsNoTracking()
            .Where(v => v.Document.Symbols.Any() && !v.Files.Any(f => f.Format == FileFormat.Docx))
            .Select(v => new { v.Id, v.Language, v.Title, v.BodyMarkdown, Symbol = v.Document.Symbols.OrderBy(s => s.Position).Select(s => s.Value).First() })
            .ToListAsync(cancellationToken);
        foreach (var version in versions)
        {
            using var docx = CreateDocx(version.Symbol, version.Title, version.BodyMarkdown, version.Language == "ar");
            await commands.AttachAsync(version.Id, FileFormat.Docx, DownloadRoutes.FileName([version.Symbol], version.Title, version.Language, "docx"),
                DownloadFormats.DocxMediaType, docx, cancellationToken: cancellationToken);
        }
        logger.LogInformation("Attached demo Word files to {Count} language versions", versions.Count);
    }

    public static MemoryStream CreateDocx(string symbol, string title, string bodyMarkdown, bool rightToLeft)
    {
        var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            body.Append(Paragraph(symbol, bold: true, rightToLeft: false));
            body.Append(Paragraph(title, bold: true, rightToLeft));
            foreach (var line in Markdown.ToPlainText(bodyMarkdown).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                body.Append(Paragraph(line, bold: false, rightToLeft));
            }
            main.Document = new DocumentFormat.OpenXml.Wordprocessing.Document(body);
            main.Document.Save();
        }
        stream.Position = 0;
        return stream;
    }

    private static Paragraph Paragraph(string text, bool bold, bool rightToLeft)
    {
        var properties = new ParagraphProperties();
        if (rightToLeft)
        {
            properties.Append(new BiDi());
        }
        var run = new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        if (bold)
        {
            run.PrependChild(new RunProperties(new Bold()));
        }
        return new Paragraph(properties, run);
    }
}
