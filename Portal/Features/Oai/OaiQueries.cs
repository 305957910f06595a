using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Infrastructure;

namespace Portal.Features.Oai;

/// <summary>A set: every document of an organ (<c>ga</c>), or of one of its sessions or years (<c>ga:75</c>, <c>sc:2021</c>).</summary>
public sealed record OaiSet(Organ Organ, int? Session);

/// <summary>A header as lists give it: <c>Deleted</c> when the public could see the document once and no longer may.</summary>
public sealed record OaiHeader(int Id, DateTimeOffset ChangedAt, bool Deleted, IReadOnlyList<(Organ Organ, int Number)> Sessions);

public sealed record OaiFile(FileFormat Format, string MediaType, long Length);

public sealed record OaiVersion(string Language, string Title, IReadOnlyList<OaiFile> Files);

public sealed record OaiAgendaItem(Organ Organ, int Session, int Number, string Title);

/// <summary>What a record's metadata says about a document the public may see.</summary>
public sealed record OaiDocument(
    int Id,
    DocumentKind Kind,
    Distribution Distribution,
    DateOnly? IssuedOn,
    DateOnly? DatedOn,
    string? OriginalLanguage,
    string? Sender,
    string? Addressee,
    string? CatalogTitle,
    IReadOnlyList<string> Symbols,
    IReadOnlyList<OaiAgendaItem> AgendaItems,
    IReadOnlyList<OaiVersion> Versions,
    IReadOnlyList<string> References);

/// <summary>
/// What the OAI-PMH repository reads. OAI-PMH is anonymous: records are the documents the public may see
/// (<see cref="DocumentAccess.VisibleTo"/> with <see cref="Viewer.Anonymous"/>), and deleted records the ones the
/// public could see once and no longer may (<see cref="DocumentAccess.VisibleOrOnceVisibleTo"/>); nothing else is
/// ever named, so a Restricted document or a draft answers as one that does not exist.
/// </summary>
public sealed class OaiQueries(IDbContextFactory<PortalDbContext> contextFactory)
{
    private static IQueryable<Document> Harvestable(PortalDbContext db) =>
        db.Documents.AsNoTracking().Where(DocumentAccess.VisibleOrOnceVisibleTo(Viewer.Anonymous));

    /// <summary>
    /// Headers in change order (time, then id) after the cursor, changed in [from, untilBefore), within the set:
    /// a document that changes during a harvest moves past the cursor and comes again later, so none is missed.
    /// </summary>
    public async Task<(IReadOnlyList<OaiHeader> Headers, bool HasMore)> ListAsync(OaiSet? set, DateTimeOffset? from, DateTimeOffset? untilBefore,
        (DateTimeOffset ChangedAt, int Id)? after, int limit, CancellationToken cancellationToken)
    {
        await using var db = contextFactory.CreateDbContext();
        var documents = Harvestable(db);
        if (from is { } start)
        {
            documents = documents.Where(d => d.ChangedAt >= start);
        }
        if (untilBefore is { } end)
        {
            documents = documents.Where(d => d.ChangedAt < end);
        }
        if (set is { Session: { } session })
        {
            documents = documents.Where(d => d.Sessions.Any(s => s.Session.Organ == set.Organ && s.Session.Number == session));
        }
        else if (set is not null)
        {
            documents = documents.Where(d => d.Sessions.Any(s => s.Session.Organ == set.Organ));
        }
        if (after is var (afterAt, afterId))
        {
            documents = documents.Where(d => d.ChangedAt > afterAt || (d.ChangedAt == afterAt && d.Id > afterId));
        }
        var page = await documents.OrderBy(d => d.ChangedAt).ThenBy(d => d.Id).Take(limit + 1)
            .Select(d => new { d.Id, d.ChangedAt }).ToListAsync(cancellationToken);
        var headers = await HeadersAsync(db, page.Take(limit).Select(p => (p.Id, p.ChangedAt)).ToList(), cancellationToken);
        return (headers, page.Count > limit);
    }

    /// <summary>The header of one document, or null when the public never could see it (it does not exist for OAI).</summary>
    public async Task<OaiHeader?> GetHeaderAsync(int id, CancellationToken cancellationToken)
    {
        await using var db = contextFactory.CreateDbContext();
        var found = await Harvestable(db).Where(d => d.Id == id).Select(d => new { d.Id, d.ChangedAt }).FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : (await HeadersAsync(db, [(found.Id, found.ChangedAt)], cancellationToken))[0];
    }

    /// <summary>The earliest datestamp a harvester can ask for (Identify), or null when nothing is harvestable yet.</summary>
    public async Task<DateTimeOffset?> EarliestChangeAsync(CancellationToken cancellationToken)
    {
        await using var db = contextFactory.CreateDbContext();
        return await Harvestable(db).OrderBy(d => d.ChangedAt).Select(d => (DateTimeOffset?)d.ChangedAt).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Every session and year the portal knows, as sets.</summary>
    public async Task<IReadOnlyList<(Organ Organ, int Number)>> ListSessionsAsync(CancellationToken cancellationToken)
    {
        await using var db = contextFactory.CreateDbContext();
        var sessions = await db.Sessions.AsNoTracking().OrderBy(s => s.Organ).ThenBy(s => s.Number)
            .Select(s => new { s.Organ, s.Number }).ToListAsync(cancellationToken);
        return sessions.Select(s => (s.Organ, s.Number)).ToList();
    }

    /// <summary>The metadata of the documents among <paramref name="ids"/> that the public may see now.</summary>
    public async Task<IReadOnlyDictionary<int, OaiDocument>> GetDocumentsAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        await using var db = contextFactory.CreateDbContext();
        var documents = await db.Documents.AsNoTracking()
            .Where(DocumentAccess.VisibleTo(Viewer.Anonymous))
            .Where(d => ids.Contains(d.Id))
            .Select(d => new OaiDocument(
                d.Id, d.Kind, d.Distribution, d.IssuedOn, d.DatedOn, d.OriginalLanguage, d.Sender, d.Addressee, d.CatalogTitle,
                d.Symbols.OrderBy(s => s.Position).Select(s => s.Value).ToList(),
                d.AgendaItems.OrderBy(a => a.Position).Select(a => new OaiAgendaItem(a.AgendaItem.Session.Organ, a.AgendaItem.Session.Number, a.AgendaItem.Number,
                    a.AgendaItem.Titles.OrderBy(t => t.Language == "en" ? 0 : 1).Select(t => t.Title).FirstOrDefault() ?? "")).ToList(),
                d.LanguageVersions.Select(v => new OaiVersion(v.Language, v.Title,
                    v.Files.Where(f => f.GeneratedFrom == null).Select(f => new OaiFile(f.Format, f.MediaType, f.Length)).ToList())).ToList(),
                d.References.OrderBy(r => r.Id).Select(r => r.TargetSymbol).ToList()))
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return documents.ToDictionary(d => d.Id);
    }

    private static async Task<IReadOnlyList<OaiHeader>> HeadersAsync(PortalDbContext db, IReadOnlyList<(int Id, DateTimeOffset ChangedAt)> page, CancellationToken cancellationToken)
    {
        var ids = page.Select(p => p.Id).ToList();
        var visible = (await db.Documents.AsNoTracking().Where(DocumentAccess.VisibleTo(Viewer.Anonymous)).Where(d => ids.Contains(d.Id))
            .Select(d => d.Id).ToListAsync(cancellationToken)).ToHashSet();
        var sessions = (await db.DocumentSessions.AsNoTracking().Where(s => ids.Contains(s.DocumentId))
            .Select(s => new { s.DocumentId, s.Session.Organ, s.Session.Number }).ToListAsync(cancellationToken))
            .ToLookup(s => s.DocumentId, s => (s.Organ, s.Number));
        return page.Select(p => new OaiHeader(p.Id, p.ChangedAt, !visible.Contains(p.Id),
            sessions[p.Id].OrderBy(s => s.Organ).ThenBy(s => s.Number).ToList())).ToList();
    }
}
