using Microsoft.EntityFrameworkCore;
using Portal.Catalogue;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Infrastructure;

namespace Portal.Features.Today;

/// <summary>
/// The language versions released on a day (<see cref="LanguageVersion.ReleasedOn"/>), as the UN Journal
/// lists them: a version with no release date is never "issued" on any day.
/// </summary>
public sealed class TodayQueries(IDbContextFactory<PortalDbContext> contextFactory)
{
    /// <summary>The most documents one day lists; the UN issues a few hundred on its busiest days.</summary>
    public const int MaxDocumentsPerDay = 1_000;

    public async Task<TodayResult> GetAsync(TodayFilter filter, Viewer viewer, CancellationToken cancellationToken = default)
    {
        await using var db = contextFactory.CreateDbContext();
        var released = Released(db, filter, viewer);
        var day = filter.Date;
        var versions = await released.Where(v => v.ReleasedOn == day)
            .Select(v => new { v.DocumentId, v.Language })
            .ToListAsync(cancellationToken);
        var languagesByDocument = versions.GroupBy(v => v.DocumentId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(v => v.Language).OrderBy(UnLanguage.OrderOf).ToList());
        var truncated = languagesByDocument.Count > MaxDocumentsPerDay;
        var ids = languagesByDocument.Keys.Order().Take(MaxDocumentsPerDay).ToList();

        var rows = await db.Documents.AsNoTracking().Where(d => ids.Contains(d.Id)).Select(DocumentRow.Projection).ToListAsync(cancellationToken);
        var organs = (await db.DocumentSessions.AsNoTracking().Where(l => ids.Contains(l.DocumentId))
                .Select(l => new { l.DocumentId, l.Session.Organ }).ToListAsync(cancellationToken))
            .GroupBy(l => l.DocumentId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Organ>)g.Select(l => l.Organ).Distinct().Order().ToList());

        var documents = rows
            .Select(r => new ReleasedDocument(r, organs.GetValueOrDefault(r.Id) ?? [], languagesByDocument[r.Id]))
            .OrderBy(d => d.Row.SymbolText.Length == 0).ThenBy(d => d.Row.SymbolText, StringComparer.OrdinalIgnoreCase).ThenBy(d => d.Row.Id)
            .ToList();
        // A joint document (A/…–S/…) is listed under each organ it was issued to, as the Journal does.
        var groups = Enum.GetValues<Organ>()
            .Where(o => filter.Organ is null || filter.Organ == o)
            .Select(o => new OrganGroup(o, documents.Where(d => d.Organs.Contains(o)).ToList()))
            .Where(g => g.Documents.Count > 0)
            .ToList();

        var previous = await released.Where(v => v.ReleasedOn < day).OrderByDescending(v => v.ReleasedOn).Select(v => v.ReleasedOn).FirstOrDefaultAsync(cancellationToken);
        var next = await released.Where(v => v.ReleasedOn > day).OrderBy(v => v.ReleasedOn).Select(v => v.ReleasedOn).FirstOrDefaultAsync(cancellationToken);
        return new TodayResult(filter, groups, documents.Count, truncated, previous, next);
    }

    /// <summary>
    /// The newest released language versions (newest release first), for the feed: at most <paramref name="limit"/>,
    /// on <paramref name="on"/> only when it is given.
    /// </summary>
    public async Task<IReadOnlyList<ReleasedVersion>> ListReleasedAsync(TodayFilter filter, DateOnly? on, int limit, Viewer viewer, CancellationToken cancellationToken = default)
    {
        await using var db = contextFactory.CreateDbContext();
        var released = Released(db, filter, viewer);
        if (on is { } day)
        {
            released = released.Where(v => v.ReleasedOn == day);
        }
        var versions = await released
            .OrderByDescending(v => v.ReleasedOn).ThenByDescending(v => v.Id)
            .Take(limit)
            .Select(v => new { v.DocumentId, v.Language, v.Title, ReleasedOn = v.ReleasedOn!.Value, v.UpdatedAt })
            .ToListAsync(cancellationToken);
        var ids = versions.Select(v => v.DocumentId).Distinct().ToList();
        var rows = await db.Documents.AsNoTracking().Where(d => ids.Contains(d.Id)).Select(DocumentRow.Projection).ToDictionaryAsync(r => r.Id, cancellationToken);
        return versions.Where(v => rows.ContainsKey(v.DocumentId))
            .Select(v => new ReleasedVersion(rows[v.DocumentId], v.Language, v.Title, v.ReleasedOn, v.UpdatedAt))
            .ToList();
    }

    /// <summary>Released versions of documents the viewer may see, under the organ and language filters.</summary>
    private static IQueryable<LanguageVersion> Released(PortalDbContext db, TodayFilter filter, Viewer viewer)
    {
        var visible = db.Documents.Where(DocumentAccess.VisibleTo(viewer));
        if (filter.Organ is { } organ)
        {
            visible = visible.Where(d => d.Sessions.Any(s => s.Session.Organ == organ));
        }
        var versions = db.LanguageVersions.AsNoTracking().Where(v => v.ReleasedOn != null);
        if (filter.Language is { } language)
        {
            versions = versions.Where(v => v.Language == language);
        }
        return versions.Where(v => visible.Any(d => d.Id == v.DocumentId));
    }
}

/// <summary>One language version as released, for the feed.</summary>
public sealed record ReleasedVersion(DocumentRow Row, string Language, string Title, DateOnly ReleasedOn, DateTimeOffset UpdatedAt)
{
    public string Url => SiteUrls.Document(Row.Id, Row.Symbols, Language);
}
