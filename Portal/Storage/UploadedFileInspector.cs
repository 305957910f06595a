using System.IO.Compression;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;
using Portal.Data.Entities;

namespace Portal.Storage;

/// <summary>What an uploaded file turned out to be: its format and media type, or why it was refused.</summary>
public sealed record InspectedFile(FileFormat? Format, string? MediaType, string? Problem)
{
    public bool Accepted => Problem is null;

    public static InspectedFile Refused(string problem) => new(null, null, problem);
}

/// <summary>
/// Tells from an upload's bytes, never its name, whether it is a PDF or a Word (.docx) document the portal may
/// store: a PDF must start with <c>%PDF-</c>, open in PdfPig and not be encrypted; a DOCX must be a ZIP holding
/// <c>word/document.xml</c> whose entries do not inflate beyond <see cref="MaxUnpackedBytes"/> or by more than
/// <see cref="MaxCompressionRatio"/> (a zip bomb), checked while inflating, so lying headers do not help.
/// </summary>
public static class UploadedFileInspector
{
    public const long MaxUnpackedBytes = 256L * 1024 * 1024;
    public const int MaxCompressionRatio = 200;

    private static ReadOnlySpan<byte> PdfSignature => "%PDF-"u8;

    private static ReadOnlySpan<byte> ZipSignature => "PK\u0003\u0004"u8;

    /// <summary>Null when the name is a plain file name; else why not (a path, a device name, control characters).</summary>
    public static string? CheckName(string? fileName)
    {
        if (string.IsNullOrWhiteSpace(fileName))
        {
            return "The file has no name.";
        }
        if (fileName.Length > 255)
        {
            return "The file name is longer than 255 characters.";
        }
        if (fileName.IndexOfAny(['/', '\\', ':']) >= 0 || fileName.Contains("..", StringComparison.Ordinal) || fileName.Any(char.IsControl))
        {
            return $"“{Infrastructure.InputEcho.Shorten(fileName)}” looks like a path, not a file name: rename the file and upload it again.";
        }
        return null;
    }

    /// <summary>Inspects a seekable stream from its start; leaves it positioned anywhere.</summary>
    public static InspectedFile Inspect(Stream content)
    {
        Span<byte> head = stackalloc byte[5];
        content.Position = 0;
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        content.Position = 0;
        if (read == head.Length && head.SequenceEqual(PdfSignature))
        {
            return InspectPdf(content);
        }
        if (read >= 4 && head[..4].SequenceEqual(ZipSignature))
        {
            return InspectDocx(content);
        }
        return InspectedFile.Refused("The file is neither a PDF nor a Word document (.docx): its content says so, whatever its name.");
    }

    private static InspectedFile InspectPdf(Stream content)
    {
        try
        {
            using var pdf = PdfDocument.Open(content);
            if (pdf.IsEncrypted)
            {
                return InspectedFile.Refused("The PDF is encrypted (password-protected): upload a version without a password.");
            }
            return pdf.NumberOfPages < 1
                ? InspectedFile.Refused("The PDF has no pages.")
                : new InspectedFile(FileFormat.Pdf, MediaTypes.Pdf, null);
        }
        catch (PdfDocumentEncryptedException)
        {
            return InspectedFile.Refused("The PDF is encrypted (password-protected): upload a version without a password.");
        }
        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
        {
            // PdfPig throws a variety of exceptions on malformed input; whichever it is, the file is not a readable PDF.
            return InspectedFile.Refused("The file starts like a PDF but cannot be read as one: it may be damaged.");
        }
    }

    private static InspectedFile InspectDocx(Stream content)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.GetEntry("word/document.xml") is null)
            {
                return InspectedFile.Refused("The file is a ZIP archive but not a Word document (.docx): it has no word/document.xml.");
            }
            long declared = 0;
            foreach (var entry in zip.Entries)
            {
                declared += entry.Length;
                if (declared > MaxUnpackedBytes || entry.Length > Math.Max(1024 * 1024, entry.CompressedLength * MaxCompressionRatio))
                {
                    return ZipBomb();
                }
            }
            // Inflate everything once with a cap: an entry that unpacks to more than its header says is refused too.
            var buffer = new byte[81920];
            long unpacked = 0;
            foreach (var entry in zip.Entries.Where(e => !e.FullName.EndsWith('/')))
            {
                using var stream = entry.Open();
                long entryBytes = 0;
                int n;
                while ((n = stream.Read(buffer)) > 0)
                {
                    entryBytes += n;
                    unpacked += n;
                    if (entryBytes > entry.Length || unpacked > MaxUnpackedBytes)
                    {
                        return ZipBomb();
                    }
                }
            }
            return new InspectedFile(FileFormat.Docx, MediaTypes.Docx, null);
        }
        catch (InvalidDataException)
        {
            return InspectedFile.Refused("The file starts like a Word document (.docx) but its ZIP structure is damaged.");
        }
    }

    private static InspectedFile ZipBomb() =>
        InspectedFile.Refused($"The Word document unpacks to far more than its size (over {MaxUnpackedBytes / (1024 * 1024)} MB or {MaxCompressionRatio} times its compressed size): it is refused as a possible zip bomb.");
}
