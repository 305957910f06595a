using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Exceptions;

namespace Portal.Features.Ingestion;

/// <summary>
/// PDF text with PdfPig, page by page, in reading order: words are grouped into lines by their baseline
/// and ordered left to right (right to left for Arabic lines); an indented line keeps two leading spaces,
/// the sign of a new paragraph the body rules use.
/// </summary>
public sealed class PdfTextReader(IngestionLimits limits) : IDocumentTextReader
{
    /// <summary>What <see cref="IngestedText.Format"/> and the stored file's format say for a PDF.</summary>
    public const string FormatName = "PDF";

    public string Format => FormatName;

    public bool Recognizes(ReadOnlySpan<byte> head) => head.IndexOf("%PDF-"u8) >= 0;

    public IngestedText Read(byte[] content, CancellationToken cancellationToken)
    {
        PdfDocument document;
        try
        {
            document = PdfDocument.Open(content, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
        }
        catch (PdfDocumentEncryptedException e)
        {
            throw new UnreadableDocumentException("The PDF is encrypted with a password; ask for an unprotected copy.", e);
        }
        using (document)
        {
            if (document.NumberOfPages > limits.MaxPdfPages)
            {
                throw new UnreadableDocumentException($"The PDF has {document.NumberOfPages} pages, over the limit of {limits.MaxPdfPages}.");
            }
            var pages = new List<string>(document.NumberOfPages);
            for (var number = 1; number <= document.NumberOfPages; number++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                pages.Add(PageText(document.GetPage(number)));
            }
            if (pages.All(p => p.Trim().Length == 0))
            {
                throw new UnreadableDocumentException("The PDF has no text layer (a scan?); it needs OCR before it can be read.");
            }
            return new IngestedText(Format, pages);
        }
    }

    /// <summary>
    /// Some producers (Chromium among them) store right-to-left words glyph by glyph in visual order, so the
    /// letters come out reversed. Arabic words begin with the article "ال" far more often than they end in
    /// "لا": whichever way round is more frequent on the page tells how it was stored.
    /// </summary>
    private static bool ArabicStoredVisually(IEnumerable<Word> words)
    {
        int logical = 0, visual = 0;
        foreach (var text in words.Select(w => w.Text.Normalize(NormalizationForm.FormKC)))
        {
            if (text.StartsWith("ال", StringComparison.Ordinal))
            {
                logical++;
            }
            if (text.EndsWith("لا", StringComparison.Ordinal))
            {
                visual++;
            }
        }
        return visual > logical;
    }

    private static string VisualToLogical(string word)
    {
        if (!word.Any(c => c is >= '\u0600' and <= '\u06FF' or >= '\uFB50' and <= '\uFEFF'))
        {
            // A left-to-right token (a symbol, a number) inside a right-to-left line: the sentence's full stop
            // or comma printed on its left belongs after it.
            var lead = word.TakeWhile(c => c is '.' or ',' or '،' or ':' or ';' or '؛').Count();
            return lead > 0 && lead < word.Length ? word[lead..] + word[..lead] : word;
        }
        var reversed = word.Reverse().Select(c => c switch
        {
            '(' => ')',
            ')' => '(',
            '[' => ']',
            ']' => '[',
            _ => c,
        });
        return new string(reversed.ToArray());
    }

    private static string PageText(Page page)
    {
        var words = page.GetWords().Where(w => !string.IsNullOrWhiteSpace(w.Text)).ToList();
        if (words.Count == 0)
        {
            return "";
        }
        var lines = new List<List<Word>>();
        foreach (var word in words.OrderByDescending(w => w.BoundingBox.Bottom).ThenBy(w => w.BoundingBox.Left))
        {
            var height = Math.Max(1, word.BoundingBox.Height);
            var line = lines.LastOrDefault(l => Math.Abs(l[0].BoundingBox.Bottom - word.BoundingBox.Bottom) < height * 0.5);
            if (line is null)
            {
                lines.Add([word]);
            }
            else
            {
                line.Add(word);
            }
        }
        var margin = lines.Min(l => l.Min(w => w.BoundingBox.Left));
        var arabicStoredVisually = ArabicStoredVisually(words);
        var builder = new StringBuilder();
        foreach (var line in lines)
        {
            var rightToLeft = line.Sum(w => w.Text.Count(c => c is >= '\u0590' and <= '\u08FF' or >= '\uFB50' and <= '\uFEFF')) > line.Sum(w => w.Text.Count(c => c is >= 'A' and <= 'z'));
            var ordered = rightToLeft ? line.OrderByDescending(w => w.BoundingBox.Right).ToList() : line.OrderBy(w => w.BoundingBox.Left).ToList();
            var left = line.Min(w => w.BoundingBox.Left);
            var right = line.Max(w => w.BoundingBox.Right);
            if (!rightToLeft && left - margin > 12)
            {
                builder.Append("  ");
            }
            if (rightToLeft && page.Width - right > margin + 12)
            {
                builder.Append("  ");
            }
            for (var k = 0; k < ordered.Count; k++)
            {
                if (k > 0)
                {
                    var gap = rightToLeft ? ordered[k - 1].BoundingBox.Left - ordered[k].BoundingBox.Right : ordered[k].BoundingBox.Left - ordered[k - 1].BoundingBox.Right;
                    // Columns of a header printed side by side stay apart by more than one space.
                    builder.Append(gap > ordered[k].BoundingBox.Height * 2 ? "   " : " ");
                }
                builder.Append(rightToLeft && arabicStoredVisually ? VisualToLogical(ordered[k].Text) : ordered[k].Text);
            }
            builder.Append('\n');
        }
        return builder.ToString();
    }
}
