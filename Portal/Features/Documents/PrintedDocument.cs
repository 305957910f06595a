using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Portal.Catalogue;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Infrastructure;

namespace Portal.Features.Documents;

/// <summary>
/// One language version as the UN prints it: the header (symbols, organs and sessions, distribution,
/// date, original language, agenda items), title, body, signatures, footnotes, annexes and job number.
/// What <see cref="DocumentView"/> shows on the page, and all that the PDF and text downloads hold.
/// </summary>
public sealed record PrintedDocument(
    int Id,
    IReadOnlyList<string> Symbols,
    Distribution Distribution,
    DateOnly? IssuedOn,
    DateOnly? DatedOn,
    string? OriginalLanguage,
    IReadOnlyList<SessionLink> Sessions,
    IReadOnlyList<AgendaItemLink> AgendaItems,
    string Language,
    string Title,
    string BodyMarkdown,
    string? JobNumber,
    IReadOnlyList<SignatoryView> Signatories,
    IReadOnlyList<FootnoteView> Footnotes,
    IReadOnlyList<AnnexView> Annexes)
{
    public string SymbolText => Symbols.Count == 0 ? "" : UnSymbol.Join(Symbols);

    public UnLanguage LanguageInfo => UnLanguage.FromCode(Language);
}

/// <summary>
/// Loads what a printed language version shows and nothing more: no other versions, no facts panel,
/// no references or reply thread. For the generated PDF and the Markdown and text downloads.
/// </summary>
public sealed class PrintedDocumentQueries(IDbContextFactory<PortalDbContext> contextFactory)
{
    /// <summary>The version in exactly that language; null when the viewer may not see the document or it holds no such version.</summary>
    public async Task<PrintedDocument?> GetAsync(int id, string language, Viewer viewer, CancellationToken cancellationToken = default)
    {
        await using var db = contextFactory.CreateDbContext();
        var head = await LoadHeadAsync(db, id, viewer, cancellationToken);
        return head is null ? null : await LoadAsync(db, id, head, language, cancellationToken);
    }

    /// <summary>The document if the viewer may see it.</summary>
    internal static IQueryable<Document> Visible(PortalDbContext db, int id, Viewer viewer) =>
        db.Documents.AsNoTracking().Where(DocumentAccess.VisibleTo(viewer)).Where(d => d.Id == id);

    /// <summary>The header fields the version prints; null when the viewer may not see the document.</summary>
    internal static Task<PrintedHead?> LoadHeadAsync(PortalDbContext db, int id, Viewer viewer, CancellationToken cancellationToken) =>
        Visible(db, id, viewer).Select(PrintedHead.Projection).AsSplitQuery().FirstOrDefaultAsync(cancellationToken);

    /// <summary>The version in that language under its header; null when the document holds none in that language.</summary>
    internal static async Task<PrintedDocument?> LoadAsync(PortalDbContext db, int id, PrintedHead head, string language, CancellationToken cancellationToken)
    {
        var version = await db.LanguageVersions.AsNoTracking()
            .Where(v => v.DocumentId == id && v.Language == language)
            .Select(v => new
            {
                v.Title,
                v.BodyMarkdown,
                v.JobNumber,
                Annexes = v.Annexes.OrderBy(a => a.Position).Select(a => new { a.Id, a.Position, a.ParentAnnexId, a.Heading, a.Title, a.BodyMarkdown }).ToList(),
                Signatories = v.Signatories.OrderBy(s => s.Position).Select(s => new { s.AnnexId, View = new SignatoryView(s.Name, s.Function, s.Signed) }).ToList(),
                Footnotes = v.Footnotes.OrderBy(f => f.Number).Select(f => new { f.AnnexId, f.Number, f.TextMarkdown, f.Urls }).ToList(),
            })
            .AsSplitQuery()
            .FirstOrDefaultAsync(cancellationToken);
        if (version is null)
        {
            return null;
        }
        var annexes = version.Annexes.Select(a => new AnnexView(a.Id, a.Position, a.ParentAnnexId, a.Heading, a.Title, a.BodyMarkdown,
            version.Signatories.Where(s => s.AnnexId == a.Id).Select(s => s.View).ToList(),
            version.Footnotes.Where(f => f.AnnexId == a.Id).Select(f => new FootnoteView(f.Number, f.TextMarkdown, f.Urls)).ToList())).ToList();
        return new PrintedDocument(
            id, head.Symbols, head.Distribution, head.IssuedOn, head.DatedOn, head.OriginalLanguage, head.Sessions,
            head.Links(language),
            language,
            version.Title,
            version.BodyMarkdown,
            version.JobNumber,
            version.Signatories.Where(s => s.AnnexId is null).Select(s => s.View).ToList(),
            version.Footnotes.Where(f => f.AnnexId is null).Select(f => new FootnoteView(f.Number, f.TextMarkdown, f.Urls)).ToList(),
            annexes);
    }
}

/// <summary>What a document's printed header shows, its agenda items with their titles in every language held.</summary>
internal sealed record PrintedHead(
    Distribution Distribution,
    DateOnly? IssuedOn,
    DateOnly? DatedOn,
    string? OriginalLanguage,
    List<string> Symbols,
    List<SessionLink> Sessions,
    List<ItemWithTitles> Items,
    List<SubItemLetter> SubItems)
{
    public static readonly Expression<Func<Document, PrintedHead>> Projection = d => new PrintedHead(
        d.Distribution,
        d.IssuedOn,
        d.DatedOn,
        d.OriginalLanguage,
        d.Symbols.OrderBy(s => s.Position).Select(s => s.Value).ToList(),
        d.Sessions.OrderBy(s => s.Session.Organ).Select(s => new SessionLink(s.Session.Organ, s.Session.Number)).ToList(),
        d.AgendaItems.OrderBy(a => a.Position).Select(a => new ItemWithTitles(
            a.AgendaItem.Session.Organ, a.AgendaItem.Session.Number, a.AgendaItem.Number,
            a.AgendaItem.Titles.Select(t => new VersionTitle(t.Language, t.Title)).ToList(), a.AgendaItemId)).ToList(),
        d.AgendaSubItems.Select(s => new SubItemLetter(s.AgendaSubItem.AgendaItemId, s.AgendaSubItem.Letter)).ToList());

    /// <summary>The agenda items with their titles in <paramref name="language"/> and the sub-items the document names.</summary>
    public List<AgendaItemLink> Links(string language) =>
        Items.Select(i => i.Link(language, SubItems.Where(s => s.AgendaItemId == i.AgendaItemId).Select(s => s.Letter).Order(StringComparer.Ordinal).ToList())).ToList();
}

/// <summary>An agenda item of a document with its title in every language held, until the version's language picks one.</summary>
internal sealed record SubItemLetter(int AgendaItemId, string Letter);

internal sealed record ItemWithTitles(Organ Organ, int Session, int Number, IReadOnlyList<VersionTitle> Titles, int AgendaItemId)
{
    /// <summary>The link with the title in <paramref name="language"/>, else English, else the first held, and the language it is in.</summary>
    public AgendaItemLink Link(string language, IReadOnlyList<string> subItems)
    {
        var title = TitlePreference.PickItem(Titles, language) ?? new VersionTitle(language, "");
        return new(Organ, Session, Number, title.Title, title.Language, subItems);
    }
}
