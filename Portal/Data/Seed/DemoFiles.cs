using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Markdig;
using Microsoft.EntityFrameworkCore;
using Portal.Catalogue;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Storage;

namespace Portal.Data.Seed;

/// <summary>
/// Gives the demo documents Word files, made at seed time with the Open XML SDK from each
/// version's title and text, so the download panels and archives have issued files to offer
/// next to the generated PDFs. Documents without a symbol (the real seed letter) get none: the
/// portal holds no Word file of it, and its PDF is generated from the text.
/// The English Word file of the demo report <see cref="FigureSymbol"/> carries a scanned figure, as
/// issued reports often do, which makes it larger than 2 MB: multi-connection download tools (aria2c
/// splits files from 1 MiB) and resumed downloads then have a real file to work on.
/// </summary>
public sealed class DemoFiles(IDbContextFactory<PortalDbContext> contextFactory, DocumentFileCommands commands, ILogger<DemoFiles> logger)
{
    public const string FigureSymbol = "A/75/300";

    public async Task AttachAsync(CancellationToken cancellationToken = default)
    {
        await using var db = contextFactory.CreateDbContext();
        var versions = await db.LanguageVersions.AsNoTracking()
            .Where(v => v.Document.Symbols.Any() && !v.Files.Any(f => f.Format == FileFormat.Docx))
            .Select(v => new { v.Id, v.Language, v.Title, v.BodyMarkdown, Symbol = v.Document.Symbols.OrderBy(s => s.Position).Select(s => s.Value).First() })
            .ToListAsync(cancellationToken);
        foreach (var version in versions)
        {
            var figure = version.Symbol == FigureSymbol && version.Language == UnLanguage.English.Code ? DemoFigure.ScannedPage() : null;
            using var docx = CreateDocx(version.Symbol, version.Title, version.BodyMarkdown, version.Language == "ar", figure);
            await commands.AttachAsync(version.Id, FileFormat.Docx, DownloadFileNames.FileName([version.Symbol], version.Title, version.Language, "docx"),
                MediaTypes.Docx, docx, cancellationToken: cancellationToken);
        }
        logger.LogInformation("Attached demo Word files to {Count} language versions", versions.Count);
    }

    public static MemoryStream CreateDocx(string symbol, string title, string bodyMarkdown, bool rightToLeft, DemoFigure? figure = null)
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
            if (figure is not null)
            {
                var image = main.AddImagePart(ImagePartType.Png);
                using (var png = new MemoryStream(figure.Png, writable: false))
                {
                    image.FeedData(png);
                }
                body.Append(Paragraph("Annex", bold: true, rightToLeft));
                body.Append(new Paragraph(new Run(figure.Drawing(main.GetIdOfPart(image)))));
                body.Append(Paragraph(figure.Caption, bold: false, rightToLeft));
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
