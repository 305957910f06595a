namespace Portal.Features.Documents;

/// <summary>One row of the side-by-side view: the same passage in the two versions (either side may be missing).</summary>
public sealed record ComparedRow(ComparedPart Part, string? Left, string? Right, int? FootnoteNumber = null, string? FootnoteScope = null);

public enum ComparedPart
{
    Title,
    Body,
    Footnote,
    AnnexHeading,
}

/// <summary>
/// Two language versions of one document, aligned passage by passage: the title, each top-level block of the
/// body (the versions of a UN document keep its paragraphs and their numbers), footnotes by their number,
/// and each annex (heading, title, body, footnotes) by its position.
/// </summary>
public sealed record DocumentComparison(PrintedDocument Left, PrintedDocument Right)
{
    public IReadOnlyList<ComparedRow> Rows(Func<string?, IReadOnlyList<string>> blocks)
    {
        var rows = new List<ComparedRow> { new(ComparedPart.Title, Left.Title, Right.Title) };
        AddText(rows, blocks(Left.BodyMarkdown), blocks(Right.BodyMarkdown), Left.Footnotes, Right.Footnotes, "letter");
        var rightAnnexes = Right.Annexes.ToDictionary(a => a.Position);
        foreach (var left in Left.Annexes)
        {
            rightAnnexes.TryGetValue(left.Position, out var right);
            rows.Add(new(ComparedPart.AnnexHeading, left.Heading, right?.Heading));
            if (!string.IsNullOrWhiteSpace(left.Title) || !string.IsNullOrWhiteSpace(right?.Title))
            {
                rows.Add(new(ComparedPart.Title, left.Title, right?.Title));
            }
            AddText(rows, blocks(left.BodyMarkdown), blocks(right?.BodyMarkdown), left.Footnotes, right?.Footnotes ?? [], left.FootnoteScope);
        }
        foreach (var right in Right.Annexes.Where(a => Left.Annexes.All(l => l.Position != a.Position)))
        {
            rows.Add(new(ComparedPart.AnnexHeading, null, right.Heading));
            AddText(rows, [], blocks(right.BodyMarkdown), [], right.Footnotes, right.FootnoteScope);
        }
        return rows;
    }

    private static void AddText(List<ComparedRow> rows, IReadOnlyList<string> left, IReadOnlyList<string> right,
        IReadOnlyList<FootnoteView> leftNotes, IReadOnlyList<FootnoteView> rightNotes, string scope)
    {
        for (var i = 0; i < Math.Max(left.Count, right.Count); i++)
        {
            rows.Add(new(ComparedPart.Body, i < left.Count ? left[i] : null, i < right.Count ? right[i] : null, FootnoteScope: scope));
        }
        foreach (var number in leftNotes.Select(n => n.Number).Union(rightNotes.Select(n => n.Number)).Order())
        {
            rows.Add(new(ComparedPart.Footnote,
                leftNotes.FirstOrDefault(n => n.Number == number)?.TextMarkdown,
                rightNotes.FirstOrDefault(n => n.Number == number)?.TextMarkdown,
                number, scope));
        }
    }
}
