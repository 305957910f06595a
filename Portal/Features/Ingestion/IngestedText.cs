namespace Portal.Features.Ingestion;

/// <summary>
/// The text a reader got out of a file, page by page. <see cref="FootnotePartCount"/> is set when the
/// format keeps footnotes apart (Word), <see cref="LinesAreParagraphs"/> when each line is a whole
/// paragraph rather than a printed line that wrapped.
/// </summary>
public sealed record IngestedText(string Format, IReadOnlyList<string> Pages, int? FootnotePartCount = null, bool LinesAreParagraphs = false);
