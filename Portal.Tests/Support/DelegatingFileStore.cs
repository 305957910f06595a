using Portal.Infrastructure;
using Portal.Storage;

namespace Portal.Tests.Support;

/// <summary>A file store that passes every call to the real one; tests override the calls they change.</summary>
public abstract class DelegatingFileStore(IDocumentFileStore inner) : IDocumentFileStore
{
    protected IDocumentFileStore Inner { get; } = inner;

    public virtual Task<StoredBlob> PutAsync(Stream content, CancellationToken cancellationToken = default) => Inner.PutAsync(content, cancellationToken);

    public virtual Task<Stream?> OpenReadAsync(string sha256, CancellationToken cancellationToken = default) => Inner.OpenReadAsync(sha256, cancellationToken);

    public virtual Task<bool> DeleteAsync(string sha256, DateTimeOffset writtenBefore, CancellationToken cancellationToken = default) =>
        Inner.DeleteAsync(sha256, writtenBefore, cancellationToken);

    public virtual IAsyncEnumerable<StoredBlobInfo> ListAsync(CancellationToken cancellationToken = default) => Inner.ListAsync(cancellationToken);
}

/// <summary>A read-only stream over another; tests override the reads they change.</summary>
public abstract class DelegatingReadStream(Stream inner) : Stream
{
    protected Stream Inner { get; } = inner;

    public override bool CanRead => true;
    public override bool CanSeek => Inner.CanSeek;
    public override bool CanWrite => false;
    public override long Length => Inner.Length;

    public override long Position
    {
        get => Inner.Position;
        set => Inner.Position = value;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override long Seek(long offset, SeekOrigin origin) => Inner.Seek(offset, origin);

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override ValueTask DisposeAsync() => Inner.DisposeAsync();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Inner.Dispose();
        }
        base.Dispose(disposing);
    }
}
