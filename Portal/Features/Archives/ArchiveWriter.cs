using System.Collections.Concurrent;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Portal.Catalogue;
using Portal.Features.Files;
using Portal.Features.Rendering;
using Portal.Infrastructure;

namespace Portal.Features.Archives;

/// <summary>One line of an archive's manifest.json.</summary>
public sealed record ManifestEntry(string Symbol, string Language, string Title, string Format, string FileName, long Length, string Sha256, string Url);

/// <summary>A file the archive should have held but could not (content missing or unreadable, PDF generation failed).</summary>
public sealed record ManifestSkip(string Symbol, string Language, string Format, string Reason);

/// <summary>
/// What an archive holds. No "generated at" time: the same content gives the same manifest, so the
/// same archive bytes, so one ETag, and an interrupted download can be resumed with a Range request.
/// </summary>
public sealed record Manifest(string Archive, IReadOnlyList<string> Languages, IReadOnlyList<string> Formats, IReadOnlyList<ManifestEntry> Files, IReadOnlyList<ManifestSkip> Skipped);

/// <summary>One file of a planned archive: its entry name, where its bytes come from and how it is stored.</summary>
public sealed record ArchiveFile(string Name, DownloadContent Content, CompressionLevel Level);

/// <summary>
/// An archive fixed before its first byte is sent: the files in order, the manifest, the entry
/// timestamps, and the strong ETag that names exactly those bytes.
/// </summary>
public sealed record ArchivePlan(string Name, IReadOnlyList<ArchiveFile> Files, string ManifestName, byte[] Manifest, DateTimeOffset ManifestTime, string ETag);

/// <summary>The archive could not be written as planned; the response must end as a broken download.</summary>
public sealed class ArchiveFailedException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Streams a "download all" ZIP straight into the response: each file is copied from the store
/// into its entry as the archive is built, so the first bytes leave at once and memory stays flat
/// whatever the total size. Stored files go in uncompressed (PDF and Word are compressed already),
/// which makes the archive's length follow from the file lengths; text renditions, generated in
/// memory, are deflated. The manifest goes last.
/// The bytes are a function of the plan: fixed entry order, entry times taken from the files
/// (the manifest's from the newest of them), no clock anywhere, so a resumed download can ask
/// for the rest of the same archive, and the ETag changes whenever any of that would.
/// </summary>
public sealed class ArchiveWriter(DownloadContents contents, ILogger<ArchiveWriter> logger)
{
    // Bump when the byte layout changes for the same content (entry order, compression choices).
    private const string LayoutVersion = "portal-zip-2";

    // The manifest is a file read by people and scripts, never embedded in HTML: keep titles legible.
    private static readonly JsonSerializerOptions ManifestJson = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    // ZIP times are DOS times; anything before 1980 cannot be stored.
    private static readonly DateTimeOffset EarliestTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly ConcurrentDictionary<string, long> _lengths = new();

    /// <summary>
    /// Decides what the archive holds: finds each file (generating missing PDFs) and checks that it
    /// opens. A file that cannot be included is listed in the manifest with the reason.
    /// </summary>
    public async Task<ArchivePlan> PlanAsync(string archiveName, IReadOnlyList<VersionFiles> versions, IReadOnlyList<string> languages, IReadOnlyList<DownloadFormat> formats, Viewer viewer, CancellationToken cancellationToken)
    {
        var files = new List<ArchiveFile>();
        var entries = new List<ManifestEntry>();
        var skipped = new List<ManifestSkip>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var version in versions)
        {
            var symbol = version.Symbols.Count == 0 ? "" : version.Symbols[0];
            foreach (var format in formats.Where(version.Offers))
            {
                var reason = "The file is registered but its content is missing.";
                DownloadContent? content = null;
                try
                {
                    content = await contents.GetAsync(version, format, viewer, cancellationToken);
                    // Opened once here so an unreadable file is listed as skipped, not found out
                    // half-way through a response whose length and ETag already promised it.
                    await using var probe = content is null ? null : await content.OpenAsync(cancellationToken);
                    if (probe is null)
                    {
                        content = null;
                    }
                }
                catch (PdfUnavailableException e)
                {
                    content = null;
                    reason = e.Message;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    logger.LogError(e, "Archive {Archive}: cannot read document {Id} {Language} {Format}", archiveName, version.DocumentId, version.Language, format);
                    content = null;
                    reason = "The file could not be read from the server's storage (a disk or storage fault); download it on its own later.";
                }
                if (content is null)
                {
                    logger.LogWarning("Archive {Archive}: no content for document {Id} {Language} {Format}", archiveName, version.DocumentId, version.Language, format);
                    skipped.Add(new ManifestSkip(symbol, version.Language, DownloadFormats.Extension(format), reason));
                    continue;
                }
                var name = Unique(names, content.FileName);
                var level = content.Bytes is not null && !DownloadFormats.IsCompressed(content.MediaType, content.FileName) ? CompressionLevel.Fastest : CompressionLevel.NoCompression;
                files.Add(new ArchiveFile(name, content, level));
                entries.Add(new ManifestEntry(symbol, version.Language, version.Title, DownloadFormats.Extension(format), name, content.Length, content.Sha256, version.Url(format)));
            }
        }
        var manifest = JsonSerializer.SerializeToUtf8Bytes(new Manifest(archiveName, languages, formats.Select(DownloadFormats.Extension).ToList(), entries, skipped), ManifestJson);
        var manifestTime = files.Select(f => EntryTime(f.Content.LastModified)).DefaultIfEmpty(EarliestTime).Max();
        var manifestName = Unique(names, "manifest.json");

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{LayoutVersion}\n{Environment.Version}\n{manifestName}\n{manifestTime:O}\n"));
        hash.AppendData(manifest);
        foreach (var file in files)
        {
            // The manifest already holds each name, hash and length; add how each entry is written.
            hash.AppendData(Encoding.UTF8.GetBytes($"\n{file.Name}\n{file.Level}\n{EntryTime(file.Content.LastModified):O}\n{file.Content.Sha256}"));
        }
        var etag = $"\"zip-{Convert.ToHexStringLower(hash.GetHashAndReset())[..40]}\"";
        return new ArchivePlan(archiveName, files, manifestName, manifest, manifestTime, etag);
    }

    /// <summary>
    /// The archive's exact length, found by writing it to a counter with zeros in place of the
    /// stored files (their entries are uncompressed, so only lengths matter); remembered per ETag.
    /// </summary>
    public async Task<long> MeasureAsync(ArchivePlan plan, CancellationToken cancellationToken)
    {
        if (_lengths.TryGetValue(plan.ETag, out var known))
        {
            return known;
        }
        var counter = new CountingStream();
        await WriteCoreAsync(counter, plan, measuring: true, cancellationToken);
        if (_lengths.Count > 1000)
        {
            _lengths.Clear();
        }
        _lengths[plan.ETag] = counter.Count;
        return counter.Count;
    }

    /// <summary>
    /// Writes the planned archive. When a file cannot be read now, nothing more is written, not even
    /// the central directory, and <see cref="ArchiveFailedException"/> says why: the caller must
    /// break the connection so the reader is never left with a complete-looking, incomplete ZIP.
    /// </summary>
    public Task WriteAsync(Stream output, ArchivePlan plan, CancellationToken cancellationToken) =>
        WriteCoreAsync(output, plan, measuring: false, cancellationToken);

    private async Task WriteCoreAsync(Stream output, ArchivePlan plan, bool measuring, CancellationToken cancellationToken)
    {
        var guard = new GuardedStream(output);
        var zip = await ZipArchive.CreateAsync(guard, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken);
        try
        {
            foreach (var file in plan.Files)
            {
                await using var source = measuring
                    ? file.Content.Bytes is { } bytes ? new MemoryStream(bytes, writable: false) : new ZeroStream(file.Content.Length)
                    : await file.Content.OpenAsync(cancellationToken) ?? throw new ArchiveFailedException($"{file.Name} is no longer in the store.");
                var entry = zip.CreateEntry(file.Name, file.Level);
                entry.LastWriteTime = EntryTime(file.Content.LastModified);
                long copied;
                await using (var target = await entry.OpenAsync(cancellationToken))
                {
                    copied = await CopyAsync(source, target, cancellationToken);
                }
                if (copied != file.Content.Length)
                {
                    throw new ArchiveFailedException($"{file.Name} has {copied} bytes, not the {file.Content.Length} registered.");
                }
                // Each finished file leaves now, not when the next one (perhaps slow to open) fills a buffer.
                await guard.FlushAsync(cancellationToken);
            }
            var manifestEntry = zip.CreateEntry(plan.ManifestName, CompressionLevel.Fastest);
            manifestEntry.LastWriteTime = plan.ManifestTime;
            await using (var manifestStream = await manifestEntry.OpenAsync(cancellationToken))
            {
                await manifestStream.WriteAsync(plan.Manifest, cancellationToken);
            }
            await zip.DisposeAsync();
        }
        catch (Exception e)
        {
            // Disposing the archive writes its central directory: with the guard broken, none of
            // it reaches the reader, whose ZIP stays visibly incomplete.
            guard.Break();
            try
            {
                await zip.DisposeAsync();
            }
            catch (Exception disposing) when (disposing is not OperationCanceledException)
            {
                logger.LogDebug(disposing, "Archive {Archive}: closing after a failure", plan.Name);
            }
            if (e is not (RangeCompleteException or OperationCanceledException))
            {
                logger.LogError(e, "Archive {Archive} failed part-way; the response is cut off", plan.Name);
            }
            throw;
        }
    }

    private static async Task<long> CopyAsync(Stream source, Stream target, CancellationToken cancellationToken)
    {
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(128 * 1024);
        try
        {
            long total = 0;
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
            {
                await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                total += read;
            }
            return total;
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static DateTimeOffset EntryTime(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        // DOS times count in 2-second steps; round down so the value written is the value hashed.
        utc = new DateTimeOffset(utc.Ticks - utc.Ticks % (2 * TimeSpan.TicksPerSecond), TimeSpan.Zero);
        return utc < EarliestTime ? EarliestTime : utc;
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

    /// <summary>Passes writes on until broken; then drops them, so nothing written after a failure leaves.</summary>
    private sealed class GuardedStream(Stream inner) : WriteOnlyStream
    {
        private bool _broken;

        public void Break() => _broken = true;

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (!_broken)
            {
                inner.Write(buffer);
            }
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            _broken ? ValueTask.CompletedTask : inner.WriteAsync(buffer, cancellationToken);

        public override Task FlushAsync(CancellationToken cancellationToken) =>
            _broken ? Task.CompletedTask : inner.FlushAsync(cancellationToken);
    }

    private sealed class CountingStream : WriteOnlyStream
    {
        public long Count { get; private set; }

        public override void Write(ReadOnlySpan<byte> buffer) => Count += buffer.Length;
    }

    /// <summary>Stands in for a stored file while measuring: as many zero bytes as the file has.</summary>
    private sealed class ZeroStream(long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = (int)Math.Min(buffer.Length, length - _position);
            buffer[..n].Clear();
            _position += n;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

/// <summary>A forward-only write stream; subclasses override the span overload.</summary>
public abstract class WriteOnlyStream : Stream
{
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public abstract override void Write(ReadOnlySpan<byte> buffer);

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}

/// <summary>Thrown by a range window once the last byte asked for has been written: the rest need not be made.</summary>
public sealed class RangeCompleteException() : Exception("The requested range has been sent.");
