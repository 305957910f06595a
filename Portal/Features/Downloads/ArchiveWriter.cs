using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;
using Portal.Infrastructure;

namespace Portal.Features.Downloads;

/// <summary>One line of an archive's manifest.json.</summary>
public sealed record ManifestEntry(string Symbol, string Language, string Title, string Format, string FileName, long Length, string Sha256, string Url);

/// <summary>A file the archive should have held but could not (content missing, PDF generation failed).</summary>
public sealed record ManifestSkip(string Symbol, string Language, string Format, string Reason);

public sealed record Manifest(string Archive, DateTimeOffset CreatedAt, IReadOnlyList<string> Languages, IReadOnlyList<string> Formats, IReadOnlyList<ManifestEntry> Files, IReadOnlyList<ManifestSkip> Skipped);

/// <summary>
/// Streams a "download all" ZIP straight into the response: each file is copied from the store
/// into its entry as the archive is built, so the first bytes leave at once and memory stays flat
/// whatever the total size. PDF and Word files are stored, not deflated (they are compressed
/// already); text renditions are deflated. The manifest goes last, listing what was written.
/// </summary>
public sealed class ArchiveWriter(DownloadContents contents, TimeProvider clock, ILogger<ArchiveWriter> logger)
{
    // The manifest is a file read by people and scripts, never embedded in HTML: keep titles legible.
    private static readonly JsonSerializerOptions ManifestJson = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public async Task WriteAsync(Stream output, string archiveName, IReadOnlyList<VersionFiles> versions, IReadOnlyList<string> languages, IReadOnlyList<DownloadFormat> formats, AccessLevel access, CancellationToken cancellationToken)
    {
        var files = new List<ManifestEntry>();
        var skipped = new List<ManifestSkip>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        await using (var zip = await ZipArchive.CreateAsync(output, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken))
        {
            foreach (var version in versions)
            {
                var symbol = version.Symbols.Count == 0 ? "" : version.Symbols[0];
                foreach (var format in formats.Where(version.Offers))
                {
                    DownloadContent? content;
                    try
                    {
                        content = await contents.GetAsync(version, format, access, cancellationToken);
                    }
                    catch (PdfUnavailableException e)
                    {
                        skipped.Add(new ManifestSkip(symbol, version.Language, DownloadFormats.Extension(format), e.Message));
                        continue;
                    }
                    await using var source = content is null ? null : await content.OpenAsync(cancellationToken);
                    if (content is null || source is null)
                    {
                        logger.LogWarning("Archive {Archive}: no content for document {Id} {Language} {Format}", archiveName, version.DocumentId, version.Language, format);
                        skipped.Add(new ManifestSkip(symbol, version.Language, DownloadFormats.Extension(format), "The file is registered but its content is missing."));
                        continue;
                    }
                    var name = Unique(names, content.FileName);
                    var level = DownloadFormats.IsCompressed(content.MediaType, content.FileName) ? CompressionLevel.NoCompression : CompressionLevel.Fastest;
                    var entry = zip.CreateEntry(name, level);
                    entry.LastWriteTime = content.LastModified;
                    await using (var target = await entry.OpenAsync(cancellationToken))
                    {
                        await source.CopyToAsync(target, 128 * 1024, cancellationToken);
                    }
                    // Each finished file leaves now, not when the next one (perhaps slow to open) fills a buffer.
                    await output.FlushAsync(cancellationToken);
                    files.Add(new ManifestEntry(symbol, version.Language, version.Title, DownloadFormats.Extension(format), name, content.Length, content.Sha256, version.Url(format)));
                }
            }

            var manifest = new Manifest(archiveName, clock.GetUtcNow(), languages, formats.Select(DownloadFormats.Extension).ToList(), files, skipped);
            var manifestEntry = zip.CreateEntry(Unique(names, "manifest.json"), CompressionLevel.Fastest);
            await using var manifestStream = await manifestEntry.OpenAsync(cancellationToken);
            await JsonSerializer.SerializeAsync(manifestStream, manifest, ManifestJson, cancellationToken);
        }
    }

    private static string Unique(HashSet<string> names, string name)
    {
        var candidate = name;
        for (var i = 2; !names.Add(candidate); i++)
        {
            candidate = $"{Path.GetFileNameWithoutExtension(name)} ({i}){Path.GetExtension(name)}";
        }
        return candidate;
    }
}
