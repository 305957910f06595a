using System.Collections.Concurrent;
using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Catalogue;
using Portal.Data.Entities;
using Portal.Features.Documents;
using Portal.Features.Downloads;
using Portal.Features.Rendering;
using Portal.Infrastructure;
using Portal.Storage;

namespace Portal.Features.Files;

/// <summary>Bytes ready to send: how to open them and the metadata every response carries.</summary>
public sealed record DownloadContent(
    Func<CancellationToken, Task<Stream?>> OpenAsync,
    long Length,
    string MediaType,
    string FileName,
    string Sha256,
    DateTimeOffset LastModified)
{
    /// <summary>The bytes themselves when they were made in memory (text renditions); null for stored files.</summary>
    public byte[]? Bytes { get; init; }

    /// <summary>The name for clients that read only the ASCII <c>filename=</c> of Content-Disposition (curl -OJ).</summary>
    public string? AsciiFileName { get; init; }

    public static DownloadContent FromBytes(byte[] bytes, string mediaType, string fileName, DateTimeOffset lastModified) =>
        new(_ => Task.FromResult<Stream?>(new MemoryStream(bytes, writable: false)), bytes.Length, mediaType, fileName,
            Convert.ToHexStringLower(SHA256.HashData(bytes)), lastModified)
        { Bytes = bytes };
}

/// <summary>
/// Finds or makes the content of one download: a stored file, the cached generated PDF (generated
/// and stored on first request, and again after the text changes), or the Markdown/plain text.
/// </summary>
public sealed class DownloadContents(
    IDocumentFileStore store,
    FileQueries downloads,
    PrintedDocumentQueries printed,
    DocumentPdfRenderer pdfRenderer,
    DocumentFileCommands commands,
    ILogger<DownloadContents> logger)
{
    /// <summary>Generated PDFs held in memory while the cache cannot take them; past this many, the memory is emptied and starts again.</summary>
    public const int MaxUncached = 16;

    // One generation per language version at a time; a second request waits and reuses the result.
    private readonly ConcurrentDictionary<int, SemaphoreSlim> _generating = new();

    // PDFs generated but not stored (full or read-only disk): served from here, so a reader neither
    // waits for Chromium again nor gets other bytes (another print differs in its dates) when resuming.
    private readonly ConcurrentDictionary<int, Uncached> _uncached = new();

    private sealed record Uncached(DateTimeOffset GeneratedFrom, byte[] Bytes, DownloadContent Content);

    /// <summary>Null when the version does not offer that format.</summary>
    public async Task<DownloadContent?> GetAsync(VersionFiles version, DownloadFormat format, Viewer viewer, CancellationToken cancellationToken) =>
        await FindAsync(version, format, viewer, cancellationToken) is { } content
            ? content with { AsciiFileName = version.AsciiFileName(format) }
            : null;

    private async Task<DownloadContent?> FindAsync(VersionFiles version, DownloadFormat format, Viewer viewer, CancellationToken cancellationToken)
    {
        switch (format)
        {
            case DownloadFormat.Docx or DownloadFormat.Original:
                return version.File(DownloadFormats.StoredAs(format)!.Value) is { } file ? Stored(file, version.FileName(format)) : null;
            case DownloadFormat.Pdf:
                if (version.CurrentPdf is { } pdf)
                {
                    return Stored(pdf, version.FileName(format));
                }
                return version.HasText ? await GenerateAsync(version, viewer, cancellationToken) : null;
            default:
                if (!version.HasText || await printed.GetAsync(version.DocumentId, version.Language, viewer, cancellationToken) is not { } document)
                {
                    return null;
                }
                var text = format == DownloadFormat.Markdown ? DocumentText.ToMarkdown(document) : DocumentText.ToPlainText(document);
                return DownloadContent.FromBytes(Encoding.UTF8.GetBytes(text),
                    format == DownloadFormat.Markdown ? MediaTypes.Markdown : MediaTypes.Text,
                    version.FileName(format), version.UpdatedAt);
        }
    }

    private DownloadContent Stored(FileRow file, string fileName) =>
        new(ct => store.OpenReadAsync(file.Sha256, ct), file.Length, file.MediaType, fileName, file.Sha256, file.StoredAt);

    private async Task<DownloadContent?> GenerateAsync(VersionFiles version, Viewer viewer, CancellationToken cancellationToken)
    {
        var gate = _generating.GetOrAdd(version.VersionId, _ => new SemaphoreSlim(1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            // Another request may have generated it while this one waited.
            var fresh = await downloads.GetVersionAsync(version.DocumentId, version.Language, viewer, cancellationToken);
            if (fresh?.CurrentPdf is { } ready)
            {
                return Stored(ready, fresh.FileName(DownloadFormat.Pdf));
            }
            var document = await printed.GetAsync(version.DocumentId, version.Language, viewer, cancellationToken);
            if (fresh is null || document is null)
            {
                return null;
            }
            var fileName = fresh.FileName(DownloadFormat.Pdf);
            var bytes = _uncached.TryGetValue(fresh.VersionId, out var held) && held.GeneratedFrom == fresh.UpdatedAt
                ? held.Bytes
                : await pdfRenderer.RenderAsync(document, cancellationToken);
            try
            {
                var row = await commands.AttachAsync(fresh.VersionId, FileFormat.Pdf, fileName, MediaTypes.Pdf,
                    new MemoryStream(bytes, writable: false), generatedFrom: fresh.UpdatedAt, cancellationToken);
                _uncached.TryRemove(fresh.VersionId, out _);
                return Stored(new FileRow(row.Format, row.Sha256, row.Length, row.MediaType, row.FileName, row.StoredAt, row.GeneratedFrom), fileName);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or DbException or DbUpdateException)
            {
                logger.LogError(e, "Could not store the generated PDF of document {Id} {Language}; serving it from memory", fresh.DocumentId, fresh.Language);
                return Hold(fresh.VersionId, fresh.UpdatedAt, bytes, fileName);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    private DownloadContent Hold(int versionId, DateTimeOffset generatedFrom, byte[] bytes, string fileName)
    {
        if (_uncached.TryGetValue(versionId, out var held) && held.Bytes == bytes)
        {
            return held.Content;
        }
        if (_uncached.Count >= MaxUncached)
        {
            _uncached.Clear();
        }
        var content = DownloadContent.FromBytes(bytes, MediaTypes.Pdf, fileName, generatedFrom);
        _uncached[versionId] = new Uncached(generatedFrom, bytes, content);
        return content;
    }
}
