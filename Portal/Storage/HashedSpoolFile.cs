using System.Security.Cryptography;

namespace Portal.Storage;

/// <summary>
/// Copies incoming bytes to a new file while hashing them, so a store learns the content's address
/// (its SHA-256) only once every byte is safely on disk. Both stores spool this way: the local one then
/// moves the file into place, the S3 one uploads it with a known length.
/// </summary>
internal static class HashedSpoolFile
{
    private const int BufferSize = 128 * 1024;

    /// <param name="durable">
    /// Whether the bytes must reach the disk before this returns (the local store, whose file is the stored copy once renamed:
    /// its row is committed next, and a power cut must not leave the row pointing at a file the disk never received).
    /// </param>
    public static async Task<StoredBlob> WriteAsync(Stream content, string path, bool durable, CancellationToken cancellationToken)
    {
        long length = 0;
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[BufferSize];
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            sha.AppendData(buffer, 0, read);
            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            length += read;
        }
        await file.FlushAsync(cancellationToken);
        if (durable)
        {
            file.Flush(flushToDisk: true);
        }
        return new StoredBlob(Convert.ToHexStringLower(sha.GetHashAndReset()), length);
    }
}
