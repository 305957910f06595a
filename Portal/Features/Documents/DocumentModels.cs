using Portal.Catalogue;
using Portal.Data.Entities;
using Portal.Domain;

namespace Portal.Features.Documents;

public sealed record SessionLink(Organ Organ, int Number)
{
    public string Url => SiteUrls.Session(Organ, Number);
}

/// <summary>
/// An agenda item a document is circulated under, with the sub-items ("a") it names, if any, and its title in the
/// language asked for when held, else in <paramref name="TitleLanguage"/> (English, else any).
/// </summary>
public sealed record AgendaItemLink(Organ Organ, int Session, int Number, string Title, string TitleLanguage, IReadOnlyList<string>? SubItems = null)
{
    /// <summary>The item's page; filtered to the sub-item when the document names exactly one.</summary>
    public string Url => SubItems is [var only] ? SiteUrls.AgendaSubItem(Organ, Session, Number, only) : SiteUrls.AgendaItem(Organ, Session, Number);

    /// <summary>"79", or "79 (a)", or "79 (a) (b)", as headers and breadcrumbs print it.</summary>
    public string Label => AgendaItemLabels.Of(Number, SubItems);

    // Two links are equal when they name the same sub-items, not the same list object.
    public bool Equals(AgendaItemLink? other) =>
        other is not null && Organ == other.Organ && Session == other.Session && Number == other.Number && Title == other.Title && TitleLanguage == other.TitleLanguage
        && (SubItems ?? []).SequenceEqual(other.SubItems ?? []);

    public override int GetHashCode() => HashCode.Combine(Organ, Session, Number, Title, TitleLanguage, Label);
}

public static class AgendaItemLabels
{
    public static string Of(int number, IReadOnlyList<string>? subItems) =>
        number.ToString(System.Globalization.CultureInfo.InvariantCulture) + string.Concat((subItems ?? []).Select(l => $" ({l})"));
}

public sealed record LanguageAvailability(string Language, string Title, DateOnly? ReleasedOn);

public sealed record SignatoryView(string Name, string? Function, bool Signed);

public sealed record FootnoteView(int Number, string TextMarkdown, IReadOnlyList<string> Urls);

public sealed record AnnexView(
    int Id,
    int Position,
    int? ParentId,
    string Heading,
    string? Title,
    string BodyMarkdown,
    IReadOnlyList<SignatoryView> Signatories,
    IReadOnlyList<FootnoteView> Footnotes)
{
    /// <summary>Prefix for footnote anchors inside this annex, unique on the page.</summary>
    public string FootnoteScope => $"annex{Position}";
}

/// <summary>
/// A document a reference points at or comes from. <see cref="DocumentId"/> is null when the portal does not hold it
/// (or the viewer may not see it). <see cref="Name"/> is the held document's name, for documents without a symbol;
/// <see cref="TitleLanguage"/> the language of <see cref="Title"/> (the catalogue title is English).
/// </summary>
public sealed record ReferenceLink(ReferenceRelation Relation, string Symbol, int? DocumentId, string? Title, string? Url, string? Name = null,
    string? TitleLanguage = null)
{
    public bool IsHeld => DocumentId is not null;

    /// <summary>The link text: the symbol as cited, else the document's name. Never empty.</summary>
    public string Text => Symbol.Length > 0 ? Symbol : Name ?? Title ?? "Untitled document";

    public string Href => Url ?? SiteUrls.Undocs(Symbol.Split('\u2013')[0]);
}

/// <summary>One entry of a reply thread; <see cref="Depth"/> 0 is the thread's first letter.</summary>
public sealed record ThreadEntry(int Depth, string Symbol, int? DocumentId, string? Title, string Url, bool IsCurrent, string? Name = null,
    string? TitleLanguage = null)
{
    /// <summary>The link text: the symbol, else the document's name. Never empty.</summary>
    public string Text => Symbol.Length > 0 ? Symbol : Name ?? Title ?? "Untitled document";
}

public sealed record ReferencesView(
    IReadOnlyList<ReferenceLink> Outgoing,
    IReadOnlyList<ReferenceLink> Incoming,
    IReadOnlyList<ThreadEntry> Thread)
{
    public bool IsEmpty => Outgoing.Count == 0 && Incoming.Count == 0;
}

public sealed record DocumentDetail(
    int Id,
    IReadOnlyList<string> Symbols,
    DocumentKind Kind,
    Distribution Distribution,
    PublicationStatus Status,
    DateOnly? IssuedOn,
    DateOnly? DatedOn,
    string? OriginalLanguage,
    string? Sender,
    string? Addressee,
    string? CatalogTitle,
    IReadOnlyList<SessionLink> Sessions,
    IReadOnlyList<AgendaItemLink> AgendaItems,
    IReadOnlyList<LanguageAvailability> Languages,
    string Language,
    string Title,
    string BodyMarkdown,
    DateOnly? ReleasedOn,
    string? JobNumber,
    IReadOnlyList<SignatoryView> Signatories,
    IReadOnlyList<FootnoteView> Footnotes,
    IReadOnlyList<AnnexView> Annexes,
    ReferencesView References)
{
    public string Url => SiteUrls.Document(Id, Symbols);

    public string UrlFor(string language) => SiteUrls.Document(Id, Symbols, language);

    public string SymbolText => Symbols.Count == 0 ? "" : UnSymbol.Join(Symbols);

    public UnLanguage LanguageInfo => UnLanguage.FromCode(Language);

    /// <summary>Its symbol, else a name from kind, date and sender (<see cref="DocumentNames"/>).</summary>
    public string Name => DocumentNames.Of(Symbols, Kind, DatedOn, IssuedOn, Sender, CatalogTitle ?? Title);

    /// <summary>The version as <see cref="DocumentView"/> prints it (a method, so the page's persisted state does not carry the text twice).</summary>
    public PrintedDocument Printed() => new(
        Id, Symbols, Distribution, IssuedOn, DatedOn, OriginalLanguage, Sessions, AgendaItems,
        Language, Title, BodyMarkdown, JobNumber, Signatories, Footnotes, Annexes);
}
