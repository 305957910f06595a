using System.Linq.Expressions;
using Portal.Data.Entities;
using Portal.Domain;

namespace Portal.Features.Documents;

public sealed record VersionTitle(string Language, string Title);

/// <summary>A document in a list: the journal, an agenda item, search results.</summary>
public sealed record DocumentRow(
    int Id,
    IReadOnlyList<string> Symbols,
    DateOnly? IssuedOn,
    DateOnly? DatedOn,
    DocumentKind Kind,
    Distribution Distribution,
    string? CatalogTitle,
    IReadOnlyList<VersionTitle> Versions,
    string? Sender = null)
{
    public static readonly Expression<Func<Document, DocumentRow>> Projection = d => new DocumentRow(
        d.Id,
        d.Symbols.OrderBy(s => s.Position).Select(s => s.Value).ToList(),
        d.IssuedOn,
        d.DatedOn,
        d.Kind,
        d.Distribution,
        d.CatalogTitle,
        d.LanguageVersions.Select(v => new VersionTitle(v.Language, v.Title)).ToList(),
        d.Sender);

    public string Title => DocumentTitles.Pick(CatalogTitle, Versions).Title;

    public string TitleLanguage => DocumentTitles.Pick(CatalogTitle, Versions).Language;

    public IReadOnlyList<string> Languages => Versions.Select(v => v.Language).OrderBy(UnLanguage.OrderOf).ToList();

    public string Url => DocumentRoutes.Url(Id, Symbols);

    public string SymbolText => Symbols.Count == 0 ? "" : UnSymbol.Join(Symbols);

    /// <summary>What links to this document say: its symbol, else a name from kind, date and sender (<see cref="DocumentNames"/>).</summary>
    public string Name => DocumentNames.Of(Symbols, Kind, DatedOn, IssuedOn, Sender, Title);
}

public static class DocumentTitles
{
    /// <summary>The English catalogue title, else the English version's, else the first version's in UN order.</summary>
    public static VersionTitle Pick(string? catalogTitle, IReadOnlyList<VersionTitle> versions)
    {
        if (!string.IsNullOrWhiteSpace(catalogTitle))
        {
            return new VersionTitle("en", catalogTitle);
        }
        return versions.FirstOrDefault(v => v.Language == "en")
            ?? versions.OrderBy(v => UnLanguage.OrderOf(v.Language)).FirstOrDefault()
            ?? new VersionTitle("en", "(untitled)");
    }
}

/// <summary>The URLs of documents. Symbol permalinks are the canonical address; documents without a symbol use their id.</summary>
public static class DocumentRoutes
{
    public static string Url(int id, IReadOnlyList<string> symbols, string? language = null)
    {
        if (symbols.Count == 0)
        {
            return language is null ? $"/documents/{id}" : $"/documents/{id}/{language}";
        }
        var path = EncodeSymbol(symbols[0]);
        return language is null ? $"/{path}" : $"/{language}/{path}";
    }

    /// <summary>A document link from an agenda item's page: <c>?item=71</c> keeps that item in the document's breadcrumb.</summary>
    public static string FromAgendaItem(string documentUrl, int agendaItem) => $"{documentUrl}?item={agendaItem}";

    /// <summary>Where the portal sends people for a symbol it does not hold.</summary>
    public static string UndocsUrl(string symbol, string language = "en") =>
        $"https://undocs.org/{language}/{EncodeSymbol(UnSymbol.TryParse(symbol, out var parsed) ? parsed.Value : symbol)}";

    private static string EncodeSymbol(string symbol) =>
        string.Join('/', symbol.Split('/').Select(Uri.EscapeDataString));
}

public sealed record SessionLink(Organ Organ, int Number)
{
    public string Url => Sessions.SessionNames.Url(Organ, Number);
}

public sealed record AgendaItemLink(Organ Organ, int Session, int Number, string Title)
{
    public string Url => Sessions.SessionNames.AgendaItemUrl(Organ, Session, Number);
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
/// (or the viewer may not see it). <see cref="Name"/> is the held document's name, for documents without a symbol.
/// </summary>
public sealed record ReferenceLink(ReferenceRelation Relation, string Symbol, int? DocumentId, string? Title, string? Url, string? Name = null)
{
    public bool IsHeld => DocumentId is not null;

    /// <summary>The link text: the symbol as cited, else the document's name. Never empty.</summary>
    public string Text => Symbol.Length > 0 ? Symbol : Name ?? Title ?? "Untitled document";

    public string Href => Url ?? DocumentRoutes.UndocsUrl(Symbol.Split('\u2013')[0]);
}

/// <summary>One entry of a reply thread; <see cref="Depth"/> 0 is the thread's first letter.</summary>
public sealed record ThreadEntry(int Depth, string Symbol, int? DocumentId, string? Title, string Url, bool IsCurrent, string? Name = null)
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
    public string Url => DocumentRoutes.Url(Id, Symbols);

    public string UrlFor(string language) => DocumentRoutes.Url(Id, Symbols, language);

    public string SymbolText => Symbols.Count == 0 ? "" : UnSymbol.Join(Symbols);

    public UnLanguage LanguageInfo => UnLanguage.FromCode(Language);

    /// <summary>Its symbol, else a name from kind, date and sender (<see cref="DocumentNames"/>).</summary>
    public string Name => DocumentNames.Of(Symbols, Kind, DatedOn, IssuedOn, Sender, CatalogTitle ?? Title);

    /// <summary>The version as <see cref="DocumentView"/> prints it (a method, so the page's persisted state does not carry the text twice).</summary>
    public PrintedDocument Printed() => new(
        Id, Symbols, Distribution, IssuedOn, DatedOn, OriginalLanguage, Sessions, AgendaItems,
        Language, Title, BodyMarkdown, JobNumber, Signatories, Footnotes, Annexes);
}
