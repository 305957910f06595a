using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Catalogue;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Infrastructure;

namespace Portal.Features.Feeds;

/// <summary>The documents a feed lists, newest first, and their entries; always through <see cref="DocumentAccess.VisibleTo"/>.</summary>
public sealed class FeedQueries(IDbContextFactory<PortalDbContext> contextFactory)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>
    /// One page of the documents in <paramref name="scope"/> that the viewer may see, newest first as the
    /// lists order them, and whether an older page exists.
    /// </summary>
    public async Task<(IReadOnlyList<FeedEntry> Entries, bool HasMore)> DocumentsAsync(
        Func<PortalDbContext, IQueryable<Document>> scope, int page, Viewer viewer, CancellationToken cancellationToken)
    {
        await using var db = contextFactory.CreateDbContext();
        var ids = await scope(db).Where(DocumentAccess.VisibleTo(viewer))
            .OrderByDescending(d => d.ListedOn).ThenByDescending(d => d.Id)
            .Skip((page - 1) * FeedRoutes.PageSize).Take(FeedRoutes.PageSize + 1)
            .Select(d => d.Id)
            .ToListAsync(cancellationToken);
        var hasMore = ids.Count > FeedRoutes.PageSize;
        return (await EntriesAsync(db, ids.Take(FeedRoutes.PageSize).ToList(), viewer, cancellationToken), hasMore);
    }

    /// <summary>Entries for the given documents, in the given order, leaving out any the viewer may not see.</summary>
    public async Task<IReadOnlyList<FeedEntry>> EntriesAsync(IReadOnlyList<int> ids, Viewer viewer, CancellationToken cancellationToken)
    {
        await using var db = contextFactory.CreateDbContext();
        return await EntriesAsync(db, ids, viewer, cancellationToken);
    }

    private static async Task<IReadOnlyList<FeedEntry>> EntriesAsync(PortalDbContext db, IReadOnlyList<int> ids, Viewer viewer, CancellationToken cancellationToken)
    {
        var visible = db.Documents.AsNoTracking()
            .Where(DocumentAccess.VisibleTo(viewer))
            .Where(d => ids.Contains(d.Id));
        var rows = await visible.Select(DocumentRow.Projection).AsSplitQuery().ToDictionaryAsync(r => r.Id, cancellationToken);
        var facts = await visible
            .Select(d => new
            {
                d.Id,
                d.CreatedAt,
                d.PublishedAt,
                // SQLite stores DateTimeOffset as text it cannot aggregate, so the latest edit is found here.
                Edits = d.LanguageVersions.Select(v => v.UpdatedAt).ToList(),
                Sessions = d.Sessions.Select(s => new { s.Session.Organ, s.Session.Number }).ToList(),
            })
            .AsSplitQuery()
            .ToDictionaryAsync(d => d.Id, cancellationToken);
        return ids.Where(id => rows.ContainsKey(id) && facts.ContainsKey(id)).Select(id =>
        {
            var d = facts[id];
            var updated = d.Edits.Append(d.PublishedAt ?? d.CreatedAt).Max();
            return DocumentEntry(rows[id], updated, d.PublishedAt,
                d.Sessions.OrderBy(s => s.Organ).ThenBy(s => s.Number).Select(s => SessionNames.Label(s.Organ, s.Number)).ToList());
        }).ToList();
    }

    /// <summary>A document's entry: its name and title, what it is, and a link to each language version.</summary>
    public static FeedEntry DocumentEntry(DocumentRow row, DateTimeOffset updated, DateTimeOffset? published, IReadOnlyList<string> sessions)
    {
        var title = TitlePreference.Pick(row.CatalogTitle, row.Versions);
        var alternates = row.Versions.OrderBy(v => UnLanguage.OrderOf(v.Language))
            .Select(v => new FeedAlternate(v.Language, SiteUrls.Document(row.Id, row.Symbols, v.Language), v.Title))
            .ToList();
        return new FeedEntry(
            $"/documents/{row.Id}",
            row.SymbolText.Length > 0 ? $"{row.SymbolText}: {title.Title}" : title.Title,
            title.Language,
            row.Url,
            updated,
            published,
            Describe(row),
            alternates,
            [DocumentKindNames.Singular(row.Kind), .. sessions]);
    }

    /// <summary>"Letter · issued 5 May 2021 · from Demoland · English, French".</summary>
    public static string Describe(DocumentRow row)
    {
        var parts = new List<string> { DocumentKindNames.Singular(row.Kind) };
        if (row.IssuedOn is { } issued)
        {
            parts.Add("issued " + issued.ToString("d MMMM yyyy", English));
        }
        else if (row.DatedOn is { } dated)
        {
            parts.Add("dated " + dated.ToString("d MMMM yyyy", English));
        }
        if (!string.IsNullOrWhiteSpace(row.Sender))
        {
            parts.Add("from " + row.Sender);
        }
        parts.Add(string.Join(", ", row.Languages.Select(l => UnLanguage.TryParse(l, out var info) ? info.EnglishName : l)));
        return string.Join(" · ", parts);
    }
}
