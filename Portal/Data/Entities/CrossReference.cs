namespace Portal.Data.Entities;

/// <summary>
/// A citation from a document to another by symbol. The target is kept as a symbol key, never as
/// a foreign key, so a reference to a document the portal does not hold yet becomes a real link
/// the moment a document with that symbol is registered, without touching the citing document.
/// </summary>
public class CrossReference
{
    public int Id { get; set; }
    public int SourceDocumentId { get; set; }
    public Document SourceDocument { get; set; } = null!;
    public ReferenceRelation Relation { get; set; }

    /// <summary>The cited symbol as the text gives it, e.g. "A/75/778–S/2021/177".</summary>
    public string TargetSymbol { get; set; } = "";

    /// <summary>Key of the first symbol of <see cref="TargetSymbol"/>, matched against <see cref="DocumentSymbol.Key"/>.</summary>
    public string TargetKey { get; set; } = "";
}
