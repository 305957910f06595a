using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Infrastructure;

namespace Portal.Catalogue;

public sealed record FileRow(FileFormat Format, string Sha256, long Length, string MediaType, string FileName, DateTimeOffset StoredAt, DateTimeOffset? GeneratedFrom);

/// <summary>A language version with what the download endpoints need to serve or generate its files.</summary>
public sealed record VersionFiles(
    int DocumentId,
    IReadOnlyList<string> Symbols,
    int VersionId,
    string Language,
    string Title,
    DateTimeOffset UpdatedAt,
    bool HasText,
    IReadOnlyList<FileRow> Files)
{
    public FileRow? File(FileFormat format) => Files.FirstOrDefault(f => f.Format == format);

    /// <summary>The PDF to serve without generating: an uploaded one, or a generated one still matching the text.</summary>
    public FileRow? CurrentPdf => File(FileFormat.Pdf) is { } pdf && (pdf.GeneratedFrom is null || pdf.GeneratedFrom == UpdatedAt) ? pdf : null;

    public bool Offers(DownloadFormat format) => format switch
    {
        DownloadFormat.Pdf => CurrentPdf is not null || HasText,
        DownloadFormat.Docx => File(FileFormat.Docx) is not null,
        DownloadFormat.Original => File(FileFormat.Original) is not null,
        _ => HasText,
    };

    public string FileName(DownloadFormat format) => DownloadFileNames.FileName(Symbols, Title, Language, Extension(format));

    public string AsciiFileName(DownloadFormat format) => DownloadFileNames.AsciiFileName(DocumentId, Symbols, Language, Extension(format));

    private string Extension(DownloadFormat format) =>
        format == DownloadFormat.Original && File(FileFormat.Original) is { } original && Path.GetExtension(original.FileName) is { Length: > 1 } extension
            ? extension[1..].ToLowerInvariant()
            : DownloadFormats.Extension(format);

    public string Url(DownloadFormat format) => SiteUrls.File(DocumentId, Symbols, Language, format);

    /// <summary>The file's size, or null when it is made on request.</summary>
    public long? Length(DownloadFormat format) => format switch
    {
        DownloadFormat.Pdf => CurrentPdf?.Length,
        DownloadFormat.Docx => File(FileFormat.Docx)?.Length,
        DownloadFormat.Original => File(FileFormat.Original)?.Length,
        _ => null,
    };

    /// <summary>The language versions of documents the viewer may see.</summary>
    public static IQueryable<LanguageVersion> Visible(PortalDbContext db, Viewer viewer) =>
        db.LanguageVersions.AsNoTracking()
            .Where(v => db.Documents.Where(DocumentAccess.VisibleTo(viewer)).Any(d => d.Id == v.DocumentId));

    public static IQueryable<VersionFiles> Project(IQueryable<LanguageVersion> versions) =>
        versions.Select(v => new VersionFiles(
                v.DocumentId,
                v.Document.Symbols.OrderBy(s => s.Position).Select(s => s.Value).ToList(),
                v.Id,
                v.Language,
                v.Title,
                v.UpdatedAt,
                v.BodyMarkdown != "",
                v.Files.Select(f => new FileRow(f.Format, f.Sha256, f.Length, f.MediaType, f.FileName, f.StoredAt, f.GeneratedFrom)).ToList()));
}
