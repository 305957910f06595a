using Portal.Data.Entities;
using Portal.Domain;

namespace Portal.Features.Citations;

public enum CitationFormat
{
    BibTex,
    Ris,
    CslJson,
}

/// <summary>What a citation of a document says, in one language version.</summary>
/// <param name="Date">The date of issue, else the date the letter carries.</param>
/// <param name="PermalinkPath">The document's permalink in that language, relative to the portal.</param>
public sealed record CitationRecord(
    int Id,
    IReadOnlyList<string> Symbols,
    string Title,
    string Language,
    DocumentKind Kind,
    DateOnly? Date,
    string? Sender,
    string PermalinkPath)
{
    public string SymbolText => Symbols.Count == 0 ? "" : UnSymbol.Join(Symbols);
}

/// <summary>The citation URLs: <c>/documents/1/cite/bibtex</c>, <c>…/ris</c>, <c>…/csl-json</c>.</summary>
public static class CitationRoutes
{
    public static string Url(int id, CitationFormat format, string? language = null) =>
        $"/documents/{id}/cite/{Slug(format)}" + (language is null ? "" : $"?lang={language}");

    public static string Slug(CitationFormat format) => format switch
    {
        CitationFormat.BibTex => "bibtex",
        CitationFormat.Ris => "ris",
        _ => "csl-json",
    };

    public static bool TryParse(string? slug, out CitationFormat format)
    {
        foreach (var candidate in Enum.GetValues<CitationFormat>())
        {
            if (string.Equals(Slug(candidate), slug, StringComparison.OrdinalIgnoreCase))
            {
                format = candidate;
                return true;
            }
        }
        format = default;
        return false;
    }

    public static string Label(CitationFormat format) => format switch
    {
        CitationFormat.BibTex => "BibTeX",
        CitationFormat.Ris => "RIS",
        _ => "CSL-JSON",
    };
}
