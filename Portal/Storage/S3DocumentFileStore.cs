using System.Net;
using System.Runtime.CompilerServices;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.Runtime;

namespace Portal.Storage;

/// <summary>
/// The content-addressed store on an S3-compatible bucket (AWS S3, MinIO, Garage, Ceph): blobs under
/// <c>{prefix}blobs/{sha256}</c>. A put first streams the content into a local spool file while hashing
/// it (the key is the hash, known only at the end; memory stays bounded whatever the size), then
/// uploads that file to its key (multipart in 16 MiB parts above that size). An object
/// appears whole or not at all, so a reader never sees half a blob and an interrupted put leaves
/// nothing in the bucket (an abandoned multipart upload is aborted, or removed by the bucket's
/// lifecycle rule). Reads are ranged GETs from the requested position.
/// </summary>
/// <remarks>
/// Putting bytes already held uploads them again: that refreshes the object's Last-Modified, which is
/// how "wanted again" reaches the sweep, without a server-side copy (whose header self-hosted servers
/// parse inconsistently). As with files on disk, the sweep's "not re-put since" check (a HEAD) and
/// its delete are two requests; bucket versioning (recommended for backups) keeps anything a race
/// could remove.
/// </remarks>
public sealed class S3DocumentFileStore(IAmazonS3 s3, string bucket, string prefix, string? spoolFolder = null) : IDocumentFileStore
{
    private const long PartSize = 16 * 1024 * 1024;
    private readonly string _spool = spoolFolder ?? Path.Combine(Path.GetTempPath(), "portal-s3-spool");

    private string BlobKey(string sha256) => $"{prefix}blobs/{sha256}";

    public async Task<StoredBlob> PutAsync(Stream content, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(_spool);
        var spoolPath = Path.Combine(_spool, Guid.NewGuid().ToString("N"));
        try
        {
            var (hash, length) = await HashedSpoolFile.WriteAsync(content, spoolPath, durable: false, cancellationToken);
            await UploadAsync(spoolPath, BlobKey(hash), length, cancellationToken);
            return new StoredBlob(hash, length);
        }
        finally
        {
            File.Delete(spoolPath);
        }
    }

    /// <summary>
    /// One PUT, or a multipart upload in <see cref="PartSize"/> parts read from the spool file. Payloads
    /// are signed whole (no aws-chunked encoding), which every S3-compatible server understands.
    /// </summary>
    private async Task UploadAsync(string path, string key, long length, CancellationToken cancellationToken)
    {
        if (length <= PartSize)
        {
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, FilePath = path, UseChunkEncoding = false }, cancellationToken);
            return;
        }
        var upload = await s3.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = bucket, Key = key }, cancellationToken);
        try
        {
            var parts = new List<PartETag>();
            for (long position = 0, number = 1; position < length; position += PartSize, number++)
            {
                var part = await s3.UploadPartAsync(new UploadPartRequest
                {
                    BucketName = bucket,
                    Key = key,
                    UploadId = upload.UploadId,
                    PartNumber = (int)number,
                    FilePath = path,
                    FilePosition = position,
                    PartSize = Math.Min(PartSize, length - position),
                    UseChunkEncoding = false,
                }, cancellationToken);
                parts.Add(new PartETag((int)number, part.ETag));
            }
            await s3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest { BucketName = bucket, Key = key, UploadId = upload.UploadId, PartETags = parts }, cancellationToken);
        }
        catch
        {
            try
            {
                await s3.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = bucket, Key = key, UploadId = upload.UploadId }, CancellationToken.None);
            }
            catch (AmazonServiceException)
            {
                // The bucket's lifecycle rule for incomplete multipart uploads removes it later.
            }
            throw;
        }
    }

    public async Task<Stream?> OpenReadAsync(string sha256, CancellationToken cancellationToken = default)
    {
        if (!LocalDocumentFileStore.IsKey(sha256))
        {
            return null;
        }
        var metadata = await HeadAsync(BlobKey(sha256), cancellationToken);
        return metadata is null ? null : new S3ReadStream(s3, bucket, BlobKey(sha256), metadata.ContentLength);
    }

    public async Task<bool> DeleteAsync(string sha256, DateTimeOffset writtenBefore, CancellationToken cancellationToken = default)
    {
        if (!LocalDocumentFileStore.IsKey(sha256))
        {
            return false;
        }
        var key = BlobKey(sha256);
        var metadata = await HeadAsync(key, cancellationToken);
        if (metadata?.LastModified is not { } lastModified || new DateTimeOffset(lastModified.ToUniversalTime(), TimeSpan.Zero) >= writtenBefore)
        {
            return false;
        }
        await s3.DeleteObjectAsync(new DeleteObjectRequest { BucketName = bucket, Key = key }, cancellationToken);
        return true;
    }

    public async IAsyncEnumerable<StoredBlobInfo> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var folder = $"{prefix}blobs/";
        var request = new ListObjectsV2Request { BucketName = bucket, Prefix = folder };
        ListObjectsV2Response response;
        do
        {
            response = await s3.ListObjectsV2Async(request, cancellationToken);
            foreach (var item in response.S3Objects ?? [])
            {
                var name = item.Key[folder.Length..];
                if (LocalDocumentFileStore.IsKey(name) && item.LastModified is { } modified)
                {
                    yield return new StoredBlobInfo(name, new DateTimeOffset(modified.ToUniversalTime(), TimeSpan.Zero));
                }
            }
            request.ContinuationToken = response.NextContinuationToken;
        }
        while (response.IsTruncated == true);
    }

    private async Task<GetObjectMetadataResponse?> HeadAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            return await s3.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = bucket, Key = key }, cancellationToken);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }
}

/// <summary>
/// A seekable read stream over one object: each read continues a ranged GET that starts at the
/// current position; a seek elsewhere drops it and the next read starts a new one. Only the bytes
/// asked for (from the position on) leave the object store.
/// </summary>
internal sealed class S3ReadStream(IAmazonS3 s3, string bucket, string key, long length) : Stream
{
    private GetObjectResponse? _response;
    private long _position;
    private long _responsePosition = -1;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => Seek(value, SeekOrigin.Begin);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_position >= length || buffer.Length == 0)
        {
            return 0;
        }
        if (_response is null || _responsePosition != _position)
        {
            DropResponse();
            _response = await s3.GetObjectAsync(new GetObjectRequest
            {
                BucketName = bucket,
                Key = key,
                ByteRange = new ByteRange(_position, length - 1),
            }, cancellationToken);
            _responsePosition = _position;
        }
        var read = await _response.ResponseStream.ReadAsync(buffer, cancellationToken);
        _position += read;
        _responsePosition = _position;
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override long Seek(long offset, SeekOrigin origin)
    {
        var target = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            _ => length + offset,
        };
        ArgumentOutOfRangeException.ThrowIfNegative(target, nameof(offset));
        _position = target;
        return _position;
    }

    private void DropResponse()
    {
        _response?.Dispose();
        _response = null;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            DropResponse();
        }
        base.Dispose(disposing);
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
