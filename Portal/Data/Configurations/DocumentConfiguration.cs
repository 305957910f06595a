using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

public sealed class DocumentConfiguration : IEntityTypeConfiguration<Document>
{
    public void Configure(EntityTypeBuilder<Document> builder)
    {
        builder.Property(d => d.OriginalLanguage).HasMaxLength(2);
        builder.Property(d => d.Sender).HasMaxLength(200);
        builder.Property(d => d.Addressee).HasMaxLength(200);
        builder.Property(d => d.CatalogTitle).HasMaxLength(1000);
        builder.Property(d => d.Revision).IsConcurrencyToken();
        // The journal ("issued most recently") and every list sort by date of issue.
        builder.HasIndex(d => new { d.Status, d.ListedOn });
        // Covers the visibility rule (DocumentAccess.VisibleTo) alone, so counts over every visible
        // document (documents per session) read this small index, not the wide document rows.
        builder.HasIndex(d => new { d.Status, d.Distribution });
        // The derestriction job's "what is due" query; nearly every document has none.
        builder.HasIndex(d => d.DerestrictOn);
        // Stored as a 64-bit number (100-microsecond steps, UTC) so both providers compare and sort it in SQL,
        // which SQLite cannot do with its text DateTimeOffset; changedSince walks this index.
        builder.Property(d => d.ChangedAt).HasConversion(new DateTimeOffsetToBinaryConverter());
        builder.HasIndex(d => new { d.ChangedAt, d.Id });
        builder.HasMany(d => d.Symbols).WithOne(s => s.Document).HasForeignKey(s => s.DocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(d => d.LanguageVersions).WithOne(v => v.Document).HasForeignKey(v => v.DocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(d => d.References).WithOne(r => r.SourceDocument).HasForeignKey(r => r.SourceDocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(d => d.MemberStates).WithOne(m => m.Document).HasForeignKey(m => m.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class DocumentMemberStateConfiguration : IEntityTypeConfiguration<DocumentMemberState>
{
    public void Configure(EntityTypeBuilder<DocumentMemberState> builder)
    {
        builder.HasKey(m => new { m.DocumentId, m.MemberState });
        builder.Property(m => m.MemberState).HasMaxLength(PortalUserConfiguration.MemberStateMaxLength);
    }
}

public sealed class DocumentSymbolConfiguration : IEntityTypeConfiguration<DocumentSymbol>
{
    public void Configure(EntityTypeBuilder<DocumentSymbol> builder)
    {
        builder.Property(s => s.Value).HasMaxLength(Domain.UnSymbol.MaxLength);
        builder.Property(s => s.Key).HasMaxLength(Domain.UnSymbol.MaxLength);
        builder.HasIndex(s => s.Key).IsUnique();
        builder.HasIndex(s => new { s.DocumentId, s.Position });
    }
}

public sealed class DocumentSessionConfiguration : IEntityTypeConfiguration<DocumentSession>
{
    public void Configure(EntityTypeBuilder<DocumentSession> builder)
    {
        builder.HasKey(ds => new { ds.DocumentId, ds.SessionId });
        builder.HasIndex(ds => ds.SessionId);
        builder.HasOne(ds => ds.Document).WithMany(d => d.Sessions).HasForeignKey(ds => ds.DocumentId);
        builder.HasOne(ds => ds.Session).WithMany(s => s.Documents).HasForeignKey(ds => ds.SessionId);
    }
}

public sealed class DocumentAgendaItemConfiguration : IEntityTypeConfiguration<DocumentAgendaItem>
{
    public void Configure(EntityTypeBuilder<DocumentAgendaItem> builder)
    {
        builder.HasKey(da => new { da.DocumentId, da.AgendaItemId });
        builder.HasIndex(da => da.AgendaItemId);
        builder.HasOne(da => da.Document).WithMany(d => d.AgendaItems).HasForeignKey(da => da.DocumentId);
        builder.HasOne(da => da.AgendaItem).WithMany(a => a.Documents).HasForeignKey(da => da.AgendaItemId);
    }
}

public sealed class CrossReferenceConfiguration : IEntityTypeConfiguration<CrossReference>
{
    public void Configure(EntityTypeBuilder<CrossReference> builder)
    {
        builder.Property(r => r.TargetSymbol).HasMaxLength(Domain.UnSymbol.MaxLength * 3);
        builder.Property(r => r.TargetKey).HasMaxLength(Domain.UnSymbol.MaxLength);
        // "Replied to by" looks references up by their target.
        builder.HasIndex(r => r.TargetKey);
    }
}

public sealed class TextCitationConfiguration : IEntityTypeConfiguration<TextCitation>
{
    public void Configure(EntityTypeBuilder<TextCitation> builder)
    {
        builder.Property(c => c.TargetSymbol).HasMaxLength(Domain.UnSymbol.MaxLength);
        builder.Property(c => c.TargetKey).HasMaxLength(Domain.UnSymbol.MaxLength);
        // A document cites a symbol once however often its texts mention it; "referred to by" looks up by target.
        builder.HasIndex(c => new { c.SourceDocumentId, c.TargetKey }).IsUnique();
        builder.HasIndex(c => c.TargetKey);
        builder.HasOne(c => c.SourceDocument).WithMany().HasForeignKey(c => c.SourceDocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}
