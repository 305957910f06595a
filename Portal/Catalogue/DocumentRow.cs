using System.Linq.Expressions;
using Portal.Data.Entities;
using Portal.Domain;

namespace Portal.Catalogue;

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

    public string Title => TitlePreference.Pick(CatalogTitle, Versions).Title;

    public string TitleLanguage => TitlePreference.Pick(CatalogTitle, Versions).Language;

    public IReadOnlyList<string> Languages => Versions.Select(v => v.Language).OrderBy(UnLanguage.OrderOf).ToList();

    public string Url => SiteUrls.Document(Id, Symbols);

    public string SymbolText => Symbols.Count == 0 ? "" : UnSymbol.Join(Symbols);

    /// <summary>What links to this document say: its symbol, else a name from kind, date and sender (<see cref="DocumentNames"/>).</summary>
    public string Name => DocumentNames.Of(Symbols, Kind, DatedOn, IssuedOn, Sender, Title);
}
