using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Portal.Data.Entities;

namespace Portal.Data;

/// <summary>
/// Keeps <see cref="Document.ChangedAt"/> true on every save, whatever saved it (the editor, publishing,
/// uploads, ingestion, the demo seeder): any added, changed or removed row that belongs to a document
/// (its symbols, sessions, agenda items, member states, references, language versions with their annexes,
/// signatures and footnotes, issued files) stamps that document. Renditions the portal generates on
/// request (<see cref="StoredFile.GeneratedFrom"/>) are a cache, not a change. Bulk updates that bypass the
/// change tracker (<c>ExecuteUpdate</c>) must set <see cref="Document.ChangedAt"/> themselves.
/// </summary>
public sealed class DocumentChangeStamps
{
    /// <summary>
    /// How far back a reader that looks for changes since a moment looks: a change committed after its stamp was
    /// taken, or stamped by a clock behind the reader's, still falls within it.
    /// </summary>
    public static readonly TimeSpan LookBack = TimeSpan.FromMinutes(1);

    private readonly HashSet<int> _documentIds = [];
    private readonly HashSet<int> _versionIds = [];

    /// <summary>Documents whose parts changed while the document itself was not loaded: stamped by <see cref="ApplyAsync"/>.</summary>
    public bool HasUntracked => _documentIds.Count > 0 || _versionIds.Count > 0;

    /// <summary>Stamps the loaded documents that the pending changes touch and notes the others.</summary>
    public static DocumentChangeStamps Collect(PortalDbContext db, DateTimeOffset now)
    {
        db.ChangeTracker.DetectChanges();
        var stamps = new DocumentChangeStamps();
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }
            switch (entry.Entity)
            {
                case Document document when entry.State != EntityState.Deleted:
                    Touch(document, now);
                    break;
                case LanguageVersion or DocumentSymbol or DocumentSession or DocumentAgendaItem or DocumentAgendaSubItem or DocumentMemberState:
                    stamps.OfDocument(db, Key(entry, nameof(LanguageVersion.DocumentId)), now);
                    break;
                case CrossReference:
                    stamps.OfDocument(db, Key(entry, nameof(CrossReference.SourceDocumentId)), now);
                    break;
                case StoredFile { GeneratedFrom: not null }:
                    break;
                case StoredFile or Annex or Signatory or Footnote:
                    stamps.OfVersion(db, Key(entry, nameof(StoredFile.LanguageVersionId)), now);
                    break;
            }
        }
        return stamps;
    }

    /// <summary>Stamps, in the caller's transaction and before the save, the documents that were not loaded.</summary>
    public async Task ApplyAsync(PortalDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var documents = _documentIds.ToList();
        var versions = _versionIds.ToList();
        await db.Documents.Where(d => documents.Contains(d.Id) || d.LanguageVersions.Any(v => versions.Contains(v.Id)))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.ChangedAt, now), cancellationToken);
    }

    public void Apply(PortalDbContext db, DateTimeOffset now)
    {
        var documents = _documentIds.ToList();
        var versions = _versionIds.ToList();
        db.Documents.Where(d => documents.Contains(d.Id) || d.LanguageVersions.Any(v => versions.Contains(v.Id)))
            .ExecuteUpdate(s => s.SetProperty(d => d.ChangedAt, now));
    }

    /// <summary>
    /// Marks a document changed now, and remembers that it was published (<see cref="Document.PublishedAt"/>,
    /// whatever path published it) and whether the public could read it.
    /// </summary>
    public static void Touch(Document document, DateTimeOffset now)
    {
        document.ChangedAt = now;
        if (document.Status == PublicationStatus.Published)
        {
            document.PublishedAt ??= now;
            document.EverPublic |= document.Distribution != Distribution.Restricted;
        }
    }

    private void OfDocument(PortalDbContext db, int id, DateTimeOffset now)
    {
        if (db.Documents.Local.FindEntry(id) is { State: not EntityState.Deleted } loaded)
        {
            Touch(loaded.Entity, now);
        }
        else if (id > 0)
        {
            _documentIds.Add(id);
        }
    }

    private void OfVersion(PortalDbContext db, int id, DateTimeOffset now)
    {
        if (db.LanguageVersions.Local.FindEntry(id) is { } version)
        {
            OfDocument(db, version.Entity.DocumentId, now);
        }
        else if (id > 0)
        {
            _versionIds.Add(id);
        }
    }

    /// <summary>The foreign key as stored (before the change, for a removed row).</summary>
    private static int Key(EntityEntry entry, string property)
    {
        var value = entry.State == EntityState.Deleted ? entry.Property(property).OriginalValue : entry.Property(property).CurrentValue;
        return value is int id ? id : 0;
    }
}
