using Portal.Localization;
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
            return InterfaceText.Get("UploadErrNoName");
        }
        if (fileName.Length > 255)
        {
            return InterfaceText.Get("UploadErrNameTooLong");
        }
        if (fileName.IndexOfAny(['/', '\\', ':']) >= 0 || fileName.Contains("..", StringComparison.Ordinal) || fileName.Any(char.IsControl))
        {
            return InterfaceText.Format("UploadErrNameIsPath", Infrastructure.InputEcho.Shorten(fileName));
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
        return InspectedFile.Refused(InterfaceText.Get("UploadErrNotPdfOrWord"));
    }

    private static InspectedFile InspectPdf(Stream content)
    {
        try
        {
            using var pdf = PdfDocument.Open(content);
            if (pdf.IsEncrypted)
            {
                return InspectedFile.Refused(InterfaceText.Get("UploadErrPdfEncrypted"));
            }
            return pdf.NumberOfPages < 1
                ? InspectedFile.Refused(InterfaceText.Get("UploadErrPdfNoPages"))
                : new InspectedFile(FileFormat.Pdf, MediaTypes.Pdf, null);
        }
        catch (PdfDocumentEncryptedException)
        {
            return InspectedFile.Refused(InterfaceText.Get("UploadErrPdfEncrypted"));
        }
        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
        {
            // PdfPig throws a variety of exceptions on malformed input; whichever it is, the file is not a readable PDF.
            return InspectedFile.Refused(InterfaceText.Get("UploadErrPdfDamaged"));
        }
    }

    private static InspectedFile InspectDocx(Stream content)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.GetEntry("word/document.xml") is null)
            {
                return InspectedFile.Refused(InterfaceText.Get("UploadErrZipNotWord"));
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
            return InspectedFile.Refused(InterfaceText.Get("UploadErrWordDamaged"));
        }
    }

    private static InspectedFile ZipBomb() =>
        InspectedFile.Refused(InterfaceText.Format("UploadErrZipBomb", MaxUnpackedBytes / (1024 * 1024), MaxCompressionRatio));
}
