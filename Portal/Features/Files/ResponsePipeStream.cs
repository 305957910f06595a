using System.Buffers;
using System.IO.Pipelines;

namespace Portal.Features.Files;

/// <summary>
/// A write-only stream over the response's <see cref="PipeWriter"/> that copies every write into
/// the pipe's own memory and flushes to the socket only once <see cref="FlushThreshold"/> bytes are
/// waiting. A streamed ZIP writes many small pieces (a local header, a 16–24 byte data descriptor
/// per entry, the central directory), some of them synchronously even from ZipArchive's async API,
/// which Kestrel's response stream refuses; here a synchronous write is only a copy into the pipe,
/// and a few hundred files become a few large sends instead of several small ones each. Memory
/// stays bounded: at most the threshold plus one write is held before it is flushed.
/// </summary>
public sealed class ResponsePipeStream(PipeWriter writer) : Stream
{
    public const int FlushThreshold = 128 * 1024;

    private long _position;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        writer.Write(buffer);
        _position += buffer.Length;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        if (writer.UnflushedBytes >= FlushThreshold)
        {
            await FlushAsync(cancellationToken);
        }
    }

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        var result = await writer.FlushAsync(cancellationToken);
        if (result.IsCanceled)
        {
            throw new OperationCanceledException(cancellationToken);
        }
    }

    // Synchronous flushes come from ZipArchive's dispose paths; the bytes go out with the next
    // asynchronous flush, and at the latest when the stream is disposed.
    public override void Flush()
    {
    }

    public override async ValueTask DisposeAsync()
    {
        await FlushAsync(CancellationToken.None);
        await base.DisposeAsync();
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
