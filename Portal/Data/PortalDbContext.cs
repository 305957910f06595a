using Microsoft.EntityFrameworkCore;
using Portal.Data.Entities;

namespace Portal.Data;

/// <summary>
/// The portal's model. Each database provider has a subclass that owns its migrations
/// (<see cref="SqlitePortalDbContext"/>); pages and queries only ever see this type.
/// </summary>
public abstract class PortalDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Session> Sessions => Set<Session>();
    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();
    public DbSet<AgendaItemTitle> AgendaItemTitles => Set<AgendaItemTitle>();
    public DbSet<Document> Documents => Set<Document>();
    public DbSet<DocumentSymbol> DocumentSymbols => Set<DocumentSymbol>();
    public DbSet<DocumentSession> DocumentSessions => Set<DocumentSession>();
    public DbSet<DocumentAgendaItem> DocumentAgendaItems => Set<DocumentAgendaItem>();
    public DbSet<LanguageVersion> LanguageVersions => Set<LanguageVersion>();
    public DbSet<Annex> Annexes => Set<Annex>();
    public DbSet<Signatory> Signatories => Set<Signatory>();
    public DbSet<Footnote> Footnotes => Set<Footnote>();
    public DbSet<CrossReference> CrossReferences => Set<CrossReference>();
    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();
    public DbSet<DownloadCount> DownloadCounts => Set<DownloadCount>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
}
