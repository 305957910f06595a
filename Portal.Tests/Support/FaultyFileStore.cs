using System.Collections.Concurrent;
using Portal.Infrastructure;
using Portal.Storage;

namespace Portal.Tests.Support;

/// <summary>
/// The real store with faults a test switches on: puts that fail as on a full disk, opens that
/// fail for chosen blobs, and reads that fail part-way through chosen blobs.
/// </summary>
public sealed class FaultyFileStore(IDocumentFileStore inner) : DelegatingFileStore(inner)
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

    public override Task<StoredBlob> PutAsync(Stream content, CancellationToken cancellationToken = default)
    {
        if (FailPuts)
        {
            Interlocked.Increment(ref FailedPuts);
            throw new IOException("No space left on device");
        }
        return Inner.PutAsync(content, cancellationToken);
    }

    public override async Task<Stream?> OpenReadAsync(string sha256, CancellationToken cancellationToken = default)
    {
        if (_failOpen.ContainsKey(sha256))
        {
            throw new IOException("Input/output error");
        }
        var stream = await Inner.OpenReadAsync(sha256, cancellationToken);
        return stream is not null && _failReadAfter.TryGetValue(sha256, out var after) ? new BreakingStream(stream, after) : stream;
    }

    private sealed class BreakingStream(Stream inner, long failAfter) : DelegatingReadStream(inner)
    {
        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (Inner.Position >= failAfter)
            {
                throw new IOException("Input/output error");
            }
            return Inner.Read(buffer[..(int)Math.Min(buffer.Length, failAfter - Inner.Position)]);
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (Inner.Position >= failAfter)
            {
                throw new IOException("Input/output error");
            }
            return await Inner.ReadAsync(buffer[..(int)Math.Min(buffer.Length, failAfter - Inner.Position)], cancellationToken);
        }
    }
}
