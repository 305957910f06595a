using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Infrastructure;

namespace Portal.Features.Downloads;

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

    public string FileName(DownloadFormat format) => DownloadRoutes.FileName(Symbols, Title, Language, Extension(format));

    public string AsciiFileName(DownloadFormat format) => DownloadRoutes.AsciiFileName(DocumentId, Symbols, Language, Extension(format));

    private string Extension(DownloadFormat format) =>
        format == DownloadFormat.Original && File(FileFormat.Original) is { } original && Path.GetExtension(original.FileName) is { Length: > 1 } extension
            ? extension[1..].ToLowerInvariant()
            : DownloadFormats.Extension(format);

    public string Url(DownloadFormat format) => DownloadRoutes.FileUrl(DocumentId, Symbols, Language, format);
}

public sealed class DownloadQueries(IDbContextFactory<PortalDbContext> contextFactory)
{
    /// <summary>
    /// A language version of a document the viewer may see, with its files; null when the document
    /// is not visible or holds no version in that language.
    /// </summary>
    public async Task<VersionFiles?> GetVersionAsync(int documentId, string language, Viewer viewer, CancellationToken cancellationToken = default)
    {
        await using var db = contextFactory.CreateDbContext();
        return await Project(Visible(db, viewer).Where(v => v.DocumentId == documentId && v.Language == language))
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Every download a document offers, by language in UN order, for the document page.</summary>
    public async Task<IReadOnlyList<LanguageDownloads>> ListAsync(int documentId, Viewer viewer, CancellationToken cancellationToken = default)
    {
        await using var db = contextFactory.CreateDbContext();
        var versions = await Project(Visible(db, viewer).Where(v => v.DocumentId == documentId)).ToListAsync(cancellationToken);
        return versions
            .OrderBy(v => UnLanguage.OrderOf(v.Language))
            .Select(v => new LanguageDownloads(v.Language, DownloadFormats.All.Where(v.Offers).Select(f => new DownloadLink(v.Language, f, v.Url(f), LengthOf(v, f))).ToList()))
            .Where(l => l.Links.Count > 0)
            .ToList();
    }

    private static long? LengthOf(VersionFiles version, DownloadFormat format) => format switch
    {
        DownloadFormat.Pdf => version.CurrentPdf?.Length,
        DownloadFormat.Docx => version.File(FileFormat.Docx)?.Length,
        DownloadFormat.Original => version.File(FileFormat.Original)?.Length,
        _ => null,
    };

    /// <summary>The language versions of documents the viewer may see.</summary>
    internal static IQueryable<LanguageVersion> Visible(PortalDbContext db, Viewer viewer) =>
        db.LanguageVersions.AsNoTracking()
            .Where(v => db.Documents.Where(DocumentAccess.VisibleTo(viewer)).Any(d => d.Id == v.DocumentId));

    internal static IQueryable<VersionFiles> Project(IQueryable<LanguageVersion> versions) =>
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
