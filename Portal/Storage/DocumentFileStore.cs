using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Portal.Infrastructure;

namespace Portal.Storage;

/// <summary>A blob in the store: its SHA-256 (lower-case hex, the key) and its length.</summary>
public sealed record StoredBlob(string Sha256, long Length);

/// <summary>A blob as the orphan sweep sees it: its key and when it was last written or re-put.</summary>
public sealed record StoredBlobInfo(string Sha256, DateTimeOffset LastWrittenAt);

/// <summary>
/// Content-addressed storage for document files. Keys are SHA-256 hashes computed by the store
/// itself, never names from a request, so no URL can steer a read outside the store. Local disk
/// today; an S3-compatible bucket implements the same five calls (the conditional delete with
/// a conditional DeleteObject, or a HEAD of its Last-Modified first).
/// </summary>
public interface IDocumentFileStore
{
    /// <summary>Stores the content (streamed, hashed on the way) and returns its key. Putting bytes already held is cheap and refreshes their timestamp.</summary>
    Task<StoredBlob> PutAsync(Stream content, CancellationToken cancellationToken = default);

    /// <summary>A seekable read stream, or null when the store does not hold the key.</summary>
    Task<Stream?> OpenReadAsync(string sha256, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes the blob (or an interrupted put's temporary file) unless it was written or re-put at
    /// or after <paramref name="writtenBefore"/>; returns whether it went. The check keeps the sweep
    /// from deleting bytes that an upload of the same content has just claimed again.
    /// </summary>
    Task<bool> DeleteAsync(string sha256, DateTimeOffset writtenBefore, CancellationToken cancellationToken = default);

    IAsyncEnumerable<StoredBlobInfo> ListAsync(CancellationToken cancellationToken = default);
}

/// <summary>
/// Files under <c>{DataPath}/files/ab/cd/abcd…</c>. A put writes to a temporary file in the same
/// file system and renames it into place, so a reader never sees half a file and a crash leaves
/// only a temporary file, which <see cref="ListAsync"/> reports for the sweep to remove.
/// </summary>
public sealed partial class LocalDocumentFileStore : IDocumentFileStore
{
    private readonly string _root;
    private readonly string _temp;

    public LocalDocumentFileStore(IOptions<PortalOptions> options, IHostEnvironment environment)
        : this(Path.Combine(Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.DataPath)), "files"))
    {
    }

    public LocalDocumentFileStore(string root)
    {
        _root = Path.GetFullPath(root);
        _temp = Path.Combine(_root, "tmp");
        Directory.CreateDirectory(_temp);
    }

    public async Task<StoredBlob> PutAsync(Stream content, CancellationToken cancellationToken = default)
    {
        var tempPath = Path.Combine(_temp, Guid.NewGuid().ToString("N"));
        try
        {
            var (hash, length) = await HashedSpoolFile.WriteAsync(content, tempPath, durable: true, cancellationToken);
            var finalPath = PathOf(hash);
            Directory.CreateDirectory(Path.GetDirectoryName(finalPath)!);
            if (File.Exists(finalPath))
            {
                // Same bytes already held: keep them, and tell the sweep they are wanted again.
                File.SetLastWriteTimeUtc(finalPath, DateTime.UtcNow);
                File.Delete(tempPath);
            }
            else
            {
                File.Move(tempPath, finalPath, overwrite: true);
            }
            return new StoredBlob(hash, length);
        }
        catch
        {
            File.Delete(tempPath);
            throw;
        }
    }

    public Task<Stream?> OpenReadAsync(string sha256, CancellationToken cancellationToken = default)
    {
        if (!IsKey(sha256))
        {
            return Task.FromResult<Stream?>(null);
        }
        try
        {
            // Unbuffered: readers copy in 128 KB chunks with pooled buffers of their own, and a
            // FileStream buffer would be a fresh large-object allocation for every file of an archive.
            Stream stream = new FileStream(PathOf(sha256), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, bufferSize: 0, FileOptions.Asynchronous | FileOptions.SequentialScan);
            return Task.FromResult<Stream?>(stream);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task<bool> DeleteAsync(string sha256, DateTimeOffset writtenBefore, CancellationToken cancellationToken = default)
    {
        var path = IsKey(sha256) ? PathOf(sha256) : IsTempName(sha256) ? Path.Combine(_temp, sha256) : null;
        if (path is null || !File.Exists(path) || File.GetLastWriteTimeUtc(path) >= writtenBefore.UtcDateTime)
        {
            return Task.FromResult(false);
        }
        File.Delete(path);
        return Task.FromResult(true);
    }

    /// <summary>Every blob, and every temporary file left by an interrupted put (reported under its temporary name).</summary>
    public async IAsyncEnumerable<StoredBlobInfo> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var path in Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var name = Path.GetFileName(path);
            if (IsKey(name) || IsTempName(name))
            {
                yield return new StoredBlobInfo(name, File.GetLastWriteTimeUtc(path));
            }
        }
        await Task.CompletedTask;
    }

    public static bool IsKey(string? value) => value is not null && Key().IsMatch(value);

    private static bool IsTempName(string value) => TempName().IsMatch(value);

    private string PathOf(string sha256) => Path.Combine(_root, sha256[..2], sha256[2..4], sha256);

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Key();

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex TempName();
}
