using System.Buffers;
using System.IO.Pipelines;
using Portal.Features.Files;

namespace Portal.Tests.Features.Files;

public class ResponsePipeStreamTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    // No back-pressure: the test reads only after writing, as a socket that keeps up would.
    private static Pipe Unbounded() => new(new PipeOptions(pauseWriterThreshold: 0));

    private static byte[] Bytes(int length, byte value) => Enumerable.Repeat(value, length).ToArray();

    private static bool HasData(Pipe pipe) => pipe.Reader.TryRead(out var result) && Consume(pipe, result);

    private static bool Consume(Pipe pipe, ReadResult result)
    {
        var any = !result.Buffer.IsEmpty;
        pipe.Reader.AdvanceTo(result.Buffer.Start);
        return any;
    }

    [Fact]
    public async Task SmallWritesWaitInThePipeUntilTheThresholdThenLeaveTogether()
    {
        var pipe = Unbounded();
        await using var stream = new ResponsePipeStream(pipe.Writer);

        stream.Write(Bytes(30, 1)); // ZipArchive writes headers and data descriptors synchronously
        await stream.WriteAsync(Bytes(1000, 2), Cancel);
        Assert.False(HasData(pipe));
        Assert.Equal(1030, stream.Position);

        await stream.WriteAsync(Bytes(ResponsePipeStream.FlushThreshold, 3), Cancel);
        var read = await pipe.Reader.ReadAsync(Cancel);
        Assert.Equal(1030 + ResponsePipeStream.FlushThreshold, read.Buffer.Length);
        Assert.Equal(new byte[] { 1, 2, 3 }, read.Buffer.ToArray().Distinct().ToArray());
        pipe.Reader.AdvanceTo(read.Buffer.End);
    }

    [Fact]
    public async Task FlushAndDisposeSendWhatIsWaiting()
    {
        var pipe = Unbounded();
        var stream = new ResponsePipeStream(pipe.Writer);

        stream.Write(Bytes(10, 1));
        await stream.FlushAsync(Cancel);
        var read = await pipe.Reader.ReadAsync(Cancel);
        Assert.Equal(10, read.Buffer.Length);
        pipe.Reader.AdvanceTo(read.Buffer.End);

        stream.Write(Bytes(20, 2));
        stream.Flush(); // synchronous flush (from a dispose path) defers to the next asynchronous one
        Assert.False(HasData(pipe));
        await stream.DisposeAsync();
        read = await pipe.Reader.ReadAsync(Cancel);
        Assert.Equal(20, read.Buffer.Length);
    }

    [Fact]
    public void ItIsWriteOnly()
    {
        using var stream = new ResponsePipeStream(new Pipe().Writer);
        Assert.False(stream.CanRead);
        Assert.False(stream.CanSeek);
        Assert.Throws<NotSupportedException>(() => stream.Read(new byte[1], 0, 1));
    }
}
