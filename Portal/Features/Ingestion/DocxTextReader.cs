using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Portal.Features.Ingestion;

/// <summary>
/// Word (.docx) text with the Open XML SDK: body paragraphs and tables in order, then the footnotes part.
/// The package is checked first: its XML parts are unpacked with a byte limit (declared sizes can lie, so
/// a zip bomb is caught by counting), and the SDK itself refuses DTDs, so external entities are never read.
/// </summary>
public sealed class DocxTextReader(IngestionLimits limits) : IDocumentTextReader
{
    public string Format => "Word document";

    public bool Recognizes(ReadOnlySpan<byte> head) => head.StartsWith("PK\u0003\u0004"u8);

    public IngestedText Read(byte[] content, CancellationToken cancellationToken)
    {
        CheckPackage(content, cancellationToken);
        using var stream = new MemoryStream(content, writable: false);
        using var document = WordprocessingDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = limits.MaxUnpackedBytes / 4 });
        var body = document.MainDocumentPart?.Document?.Body
            ?? throw new UnreadableDocumentException("The Word document has no body.");
        var lines = new List<string>();
        var footnoteNumber = 0;
        foreach (var block in body.ChildElements)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (block)
            {
                case Paragraph paragraph:
                    lines.Add(ParagraphText(paragraph, ref footnoteNumber));
                    break;
                case Table table:
                    foreach (var row in table.Descendants<TableRow>())
                    {
                        var cells = row.Elements<TableCell>().Select(c => string.Join(" ", c.Elements<Paragraph>().Select(p => ParagraphText(p, ref footnoteNumber)).Where(t => t.Length > 0)));
                        lines.Add(string.Join("   ", cells.Where(c => c.Length > 0)));
                    }
                    break;
            }
        }
        var footnotes = document.MainDocumentPart!.FootnotesPart?.Footnotes?.Elements<Footnote>()
            .Where(f => f.Type is null || f.Type.Value == FootnoteEndnoteValues.Normal)
            .ToList() ?? [];
        if (footnotes.Count > 0)
        {
            lines.Add("__________________");
            var number = 0;
            foreach (var footnote in footnotes)
            {
                var ignored = 0;
                var text = string.Join(" ", footnote.Elements<Paragraph>().Select(p => ParagraphText(p, ref ignored)).Where(t => t.Length > 0));
                lines.Add($"{++number} {text.Trim()}");
            }
        }
        return new IngestedText(Format, [string.Join("\n", lines)], footnotes.Count, LinesAreParagraphs: true);
    }

    private static string ParagraphText(Paragraph paragraph, ref int footnoteNumber)
    {
        var builder = new StringBuilder();
        foreach (var element in paragraph.Descendants())
        {
            switch (element)
            {
                case Text text:
                    builder.Append(text.Text);
                    break;
                case TabChar:
                    builder.Append(' ');
                    break;
                case Break:
                case CarriageReturn:
                    builder.Append('\n');
                    break;
                case FootnoteReference:
                    builder.Append(++footnoteNumber);
                    break;
            }
        }
        return builder.ToString().Replace("\u00AD", "");
    }

    private void CheckPackage(byte[] content, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(content, writable: false);
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(stream, ZipArchiveMode.Read);
        }
        catch (InvalidDataException e)
        {
            throw new UnreadableDocumentException("The file starts like a ZIP (Word) file but is damaged.", e);
        }
        using (zip)
        {
            if (zip.Entries.Count > 5000)
            {
                throw new UnreadableDocumentException("The Word file holds too many parts to be a document.");
            }
            if (zip.GetEntry("word/document.xml") is null && !zip.Entries.Any(e => e.FullName.EndsWith("document.xml", StringComparison.OrdinalIgnoreCase)))
            {
                throw new UnreadableDocumentException("The ZIP file is not a Word document (it has no word/document.xml).");
            }
            long unpacked = 0;
            var buffer = new byte[81920];
            foreach (var entry in zip.Entries)
            {
                var isXml = entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase);
                if (!isXml)
                {
                    continue;
                }
                using var part = entry.Open();
                int read;
                while ((read = part.Read(buffer)) > 0)
                {
                    unpacked += read;
                    if (unpacked > limits.MaxUnpackedBytes)
                    {
                        throw new UnreadableDocumentException($"The Word file unpacks to more than {limits.MaxUnpackedBytes / (1024 * 1024)} MB (a zip bomb?); it was not read.");
                    }
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }
        }
    }
}
