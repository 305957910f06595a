using System.Collections.Concurrent;
using Portal.Infrastructure;

namespace Portal.Tests.Support;

/// <summary>
/// The real store with faults a test switches on: puts that fail as on a full disk, opens that
/// fail for chosen blobs, and reads that fail part-way through chosen blobs.
/// </summary>
public sealed class FaultyFileStore(IDocumentFileStore inner) : IDocumentFileStore
{
    private readonly ConcurrentDictionary<string, bool> _failOpen = new();
    private readonly ConcurrentDictionary<string, long> _failReadAfter = new();

    public volatile bool FailPuts;

    public int FailedPuts;

    public void FailOpen(string sha256) => _failOpen[sha256] = true;

    /// <summary>Reads of the blob fail once this many bytes have been returned.</summary>
    public void FailReadAfter(string sha256, long bytes) => _failReadAfter[sha256] = bytes;

    public void Heal()
    {
        FailPuts = false;
        _failOpen.Clear();
        _failReadAfter.Clear();
    }

    public Task<StoredBlob> PutAsync(Stream content, CancellationToken cancellationToken = default)
    {
        if (FailPuts)
        {
            Interlocked.Increment(ref FailedPuts);
            throw new IOException("No space left on device");
        }
        return inner.PutAsync(content, cancellationToken);
    }

    public async Task<Stream?> OpenReadAsync(string sha256, CancellationToken cancellationToken = default)
    {
        if (_failOpen.ContainsKey(sha256))
        {
            throw new IOException("Input/output error");
        }
        var stream = await inner.OpenReadAsync(sha256, cancellationToken);
        return stream is not null && _failReadAfter.TryGetValue(sha256, out var after) ? new BreakingStream(stream, after) : stream;
    }

    public Task<bool> ExistsAsync(string sha256, CancellationToken cancellationToken = default) => inner.ExistsAsync(sha256, cancellationToken);

    public Task<bool> DeleteAsync(string sha256, DateTimeOffset writtenBefore, CancellationToken cancellationToken = default) =>
        inner.DeleteAsync(sha256, writtenBefore, cancellationToken);

    public IAsyncEnumerable<StoredBlobInfo> ListAsync(CancellationToken cancellationToken = default) => inner.ListAsync(cancellationToken);

    private sealed class BreakingStream(Stream inner, long failAfter) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => inner.CanSeek;
        public override bool CanWrite => false;
        public override long Length => inner.Length;

        public override long Position
        {
            get => inner.Position;
            set => inner.Position = value;
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (inner.Position >= failAfter)
            {
                throw new IOException("Input/output error");
            }
            return inner.Read(buffer[..(int)Math.Min(buffer.Length, failAfter - inner.Position)]);
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (inner.Position >= failAfter)
            {
                throw new IOException("Input/output error");
            }
            return await inner.ReadAsync(buffer[..(int)Math.Min(buffer.Length, failAfter - inner.Position)], cancellationToken);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }
            base.Dispose(disposing);
        }

        public override ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
