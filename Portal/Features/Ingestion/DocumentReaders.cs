using System.Text;
using Portal.Domain;

namespace Portal.Features.Ingestion;

/// <summary>A file the ingestion cannot read, with a sentence an editor can act on.</summary>
public sealed class UnreadableDocumentException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Reads the text of one file format. Which reader reads a file is decided by its first bytes, never its name.</summary>
public interface IDocumentTextReader
{
    string Format { get; }

    bool Recognizes(ReadOnlySpan<byte> head);

    IngestedText Read(byte[] content, CancellationToken cancellationToken);
}

/// <summary>Limits that keep one hostile file from taking the machine: size, pages, time, unpacked bytes.</summary>
public sealed record IngestionLimits
{
    public long MaxFileBytes { get; init; } = 32 * 1024 * 1024;
    public int MaxPdfPages { get; init; } = 500;
    public long MaxUnpackedBytes { get; init; } = 256L * 1024 * 1024;
    public TimeSpan MaxReadTime { get; init; } = TimeSpan.FromSeconds(60);

    public static IngestionLimits Default { get; } = new();
}

/// <summary>Picks the reader by content sniffing and runs it within <see cref="IngestionLimits"/>.</summary>
public sealed class DocumentReading(IngestionLimits limits)
{
    private readonly IDocumentTextReader[] _readers = [new PdfTextReader(limits), new DocxTextReader(limits), new PlainTextReader()];

    public DocumentReading()
        : this(IngestionLimits.Default)
    {
    }

    public async Task<IngestedText> ReadFileAsync(string path, CancellationToken cancellationToken)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new UnreadableDocumentException($"{path}: no such file.");
        }
        if (info.Length == 0)
        {
            throw new UnreadableDocumentException("The file is empty.");
        }
        if (info.Length > limits.MaxFileBytes)
        {
            throw new UnreadableDocumentException($"The file is {info.Length / (1024 * 1024)} MB, over the {limits.MaxFileBytes / (1024 * 1024)} MB limit for one document.");
        }
        var content = await File.ReadAllBytesAsync(path, cancellationToken);
        return await ReadAsync(content, cancellationToken);
    }

    public async Task<IngestedText> ReadAsync(byte[] content, CancellationToken cancellationToken)
    {
        if (content.Length == 0)
        {
            throw new UnreadableDocumentException("The file is empty.");
        }
        if (content.Length > limits.MaxFileBytes)
        {
            throw new UnreadableDocumentException($"The file is over the {limits.MaxFileBytes / (1024 * 1024)} MB limit for one document.");
        }
        var head = content.AsSpan(0, Math.Min(content.Length, 1024)).ToArray();
        if (head.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]))
        {
            throw new UnreadableDocumentException("This is a legacy Word (.doc) or other OLE file; save it as .docx or PDF.");
        }
        var reader = _readers.FirstOrDefault(r => r.Recognizes(head))
            ?? throw new UnreadableDocumentException("The file is not a PDF, a Word (.docx) document or text.");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limits.MaxReadTime);
        try
        {
            // Parsing runs off the caller's thread so a file that never finishes cannot hold the caller past the limit.
            var text = await Task.Run(() => reader.Read(content, timeout.Token), timeout.Token).WaitAsync(timeout.Token);
            // Control characters and noncharacters in a file's text (a PDF's text layer holds them often) are not kept: the
            // editor refuses them, and XML feeds could not carry them.
            return text with { Pages = [.. text.Pages.Select(TextCharacters.RemoveNonText)] };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new UnreadableDocumentException($"Reading the {reader.Format} took longer than {limits.MaxReadTime.TotalSeconds:0} seconds; the file was given up.");
        }
        catch (UnreadableDocumentException)
        {
            throw;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new UnreadableDocumentException($"The {reader.Format} could not be read: {e.Message}", e);
        }
    }
}

/// <summary>Plain text in UTF-8 or UTF-16 (by byte-order mark), else Latin-1; binary data is refused.</summary>
public sealed class PlainTextReader : IDocumentTextReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    public string Format => "text";

    public bool Recognizes(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return true;
        }
        // Text has no NUL bytes and few control characters; a truncated multi-byte character at the end of the sample is fine.
        var controls = 0;
        foreach (var b in head)
        {
            if (b == 0)
            {
                return false;
            }
            if (b < 0x20 && b is not (byte)'\n' and not (byte)'\r' and not (byte)'\t' and not 0x0C)
            {
                controls++;
            }
        }
        return controls <= head.Length / 100;
    }

    public IngestedText Read(byte[] content, CancellationToken cancellationToken)
    {
        string text;
        if (content.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            text = Encoding.Unicode.GetString(content, 2, content.Length - 2);
        }
        else if (content.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            text = Encoding.BigEndianUnicode.GetString(content, 2, content.Length - 2);
        }
        else
        {
            try
            {
                text = StrictUtf8.GetString(content);
            }
            catch (DecoderFallbackException)
            {
                text = Encoding.Latin1.GetString(content);
            }
        }
        var controls = text.Count(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t' and not '\f');
        if (controls > text.Length / 100 + 1)
        {
            throw new UnreadableDocumentException("The file holds binary data, not text.");
        }
        // Form feeds separate pages in text exported from PDFs.
        return new IngestedText(Format, text.TrimStart('\uFEFF').Split('\f'));
    }
}
