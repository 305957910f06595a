namespace Portal.Data.Entities;

/// <summary>
/// A UN symbol that a document's text mentions (its bodies, annexes or footnotes, in any language version),
/// found the way the page links it (<see cref="Infrastructure.SymbolLinkParser"/>). One row per citing document
/// and cited symbol, kept by the symbol's key and never by a foreign key, so the cited document's "referred to
/// by" list, and the "not held" page of a symbol the portal does not hold yet, can list the documents citing it.
/// Rewritten by <see cref="TextCitationIndex"/> in the transaction of every save that changes a text.
/// </summary>
public class TextCitation
{
    public int Id { get; set; }
    public int SourceDocumentId { get; set; }
    public Document SourceDocument { get; set; } = null!;

    /// <summary>The cited symbol's canonical spelling, e.g. "A/75/778".</summary>
    public string TargetSymbol { get; set; } = "";

    /// <summary>Its key (<see cref="Domain.UnSymbol.Key"/>), matched against <see cref="DocumentSymbol.Key"/>.</summary>
    public string TargetKey { get; set; } = "";
}
