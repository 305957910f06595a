using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Portal.Data.Entities;

namespace Portal.Data;

/// <summary>
/// The portal's model. Each database provider has a subclass that owns its migrations
/// (<see cref="SqlitePortalDbContext"/>); pages and queries only ever see this type. The accounts
/// (ASP.NET Core Identity's tables) live in the same database.
/// </summary>
public abstract class PortalDbContext(DbContextOptions options) : IdentityDbContext<PortalUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<Session> Sessions => Set<Session>();
    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();
    public DbSet<AgendaItemTitle> AgendaItemTitles => Set<AgendaItemTitle>();
    public DbSet<AgendaSubItem> AgendaSubItems => Set<AgendaSubItem>();
    public DbSet<DocumentAgendaSubItem> DocumentAgendaSubItems => Set<DocumentAgendaSubItem>();
    public DbSet<Document> Documents => Set<Document>();
    public DbSet<DocumentSymbol> DocumentSymbols => Set<DocumentSymbol>();
    public DbSet<DocumentSession> DocumentSessions => Set<DocumentSession>();
    public DbSet<DocumentAgendaItem> DocumentAgendaItems => Set<DocumentAgendaItem>();
    public DbSet<LanguageVersion> LanguageVersions => Set<LanguageVersion>();
    public DbSet<Annex> Annexes => Set<Annex>();
    public DbSet<Signatory> Signatories => Set<Signatory>();
    public DbSet<Footnote> Footnotes => Set<Footnote>();
    public DbSet<CrossReference> CrossReferences => Set<CrossReference>();
    public DbSet<TextCitation> TextCitations => Set<TextCitation>();
    public DbSet<DocumentMemberState> DocumentMemberStates => Set<DocumentMemberState>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();
    public DbSet<FileStoreKey> FileStoreKeys => Set<FileStoreKey>();
    public DbSet<DownloadCount> DownloadCounts => Set<DownloadCount>();
    public DbSet<AlertSubscription> AlertSubscriptions => Set<AlertSubscription>();
    public DbSet<AlertPublication> AlertPublications => Set<AlertPublication>();
    public DbSet<AlertMatch> AlertMatches => Set<AlertMatch>();
    public DbSet<AlertMessage> AlertMessages => Set<AlertMessage>();
    public DbSet<BulkDump> BulkDumps => Set<BulkDump>();
    public DbSet<JobLease> JobLeases => Set<JobLease>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<IngestionBatch> IngestionBatches => Set<IngestionBatch>();
    public DbSet<IngestionFile> IngestionFiles => Set<IngestionFile>();

    /// <summary>ASP.NET Core Data Protection's key ring, shared by every portal instance on this database (cookies, antiforgery).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>
    /// Saves, stamping every document the changes touch (<see cref="DocumentChangeStamps"/>) and rewriting the
    /// citations of every document whose texts changed (<see cref="TextCitationIndex"/>), in the same transaction.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var now = DateTimeOffset.UtcNow;
        var stamps = DocumentChangeStamps.Collect(this, now);
        var citations = TextCitationIndex.Collect(this);
        if (!stamps.HasUntracked && !citations.HasWork)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        if (citations.HasWork && !acceptAllChangesOnSuccess)
        {
            // The citations are saved after the texts, which must be accepted by then or they would be saved twice.
            throw new InvalidOperationException("Texts are saved with acceptAllChangesOnSuccess, so their citations can follow in the same transaction.");
        }
        await using var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        if (stamps.HasUntracked)
        {
            await stamps.ApplyAsync(this, now, cancellationToken);
        }
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (citations.HasWork)
        {
            await citations.StageAsync(this, cancellationToken);
            await base.SaveChangesAsync(acceptAllChangesOnSuccess: true, cancellationToken);
        }
        if (own is not null)
        {
            await own.CommitAsync(cancellationToken);
        }
        return saved;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var now = DateTimeOffset.UtcNow;
        var stamps = DocumentChangeStamps.Collect(this, now);
        if (TextCitationIndex.Collect(this).HasWork)
        {
            // Finding the citations reads the other texts of the document: only the asynchronous save does that.
            throw new InvalidOperationException("Save document texts with SaveChangesAsync, which also rewrites their citations.");
        }
        if (!stamps.HasUntracked)
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        using var own = Database.CurrentTransaction is null ? Database.BeginTransaction() : null;
        stamps.Apply(this, now);
        var saved = base.SaveChanges(acceptAllChangesOnSuccess);
        own?.Commit();
        return saved;
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
    }
}
