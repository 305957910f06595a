using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

public sealed class LanguageVersionConfiguration : IEntityTypeConfiguration<LanguageVersion>
{
    public void Configure(EntityTypeBuilder<LanguageVersion> builder)
    {
        builder.Property(v => v.Language).HasMaxLength(2);
        builder.Property(v => v.Title).HasMaxLength(1000);
        builder.Property(v => v.JobNumber).HasMaxLength(40);
        builder.HasIndex(v => new { v.DocumentId, v.Language }).IsUnique();
        // "Issued today" and its previous/next day walk this index instead of every version.
        builder.HasIndex(v => v.ReleasedOn);
        builder.HasMany(v => v.Annexes).WithOne(a => a.LanguageVersion).HasForeignKey(a => a.LanguageVersionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(v => v.Signatories).WithOne().HasForeignKey(s => s.LanguageVersionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(v => v.Footnotes).WithOne().HasForeignKey(f => f.LanguageVersionId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class AnnexConfiguration : IEntityTypeConfiguration<Annex>
{
    public void Configure(EntityTypeBuilder<Annex> builder)
    {
        builder.Property(a => a.Heading).HasMaxLength(1000);
        builder.Property(a => a.Title).HasMaxLength(1000);
        builder.HasOne(a => a.ParentAnnex).WithMany(a => a.Enclosures).HasForeignKey(a => a.ParentAnnexId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.LanguageVersionId, a.Position });
    }
}

public sealed class SignatoryConfiguration : IEntityTypeConfiguration<Signatory>
{
    public void Configure(EntityTypeBuilder<Signatory> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(300);
        builder.Property(s => s.Function).HasMaxLength(1000);
        builder.HasOne(s => s.Annex).WithMany().HasForeignKey(s => s.AnnexId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class FootnoteConfiguration : IEntityTypeConfiguration<Footnote>
{
    public void Configure(EntityTypeBuilder<Footnote> builder)
    {
        builder.HasOne(f => f.Annex).WithMany().HasForeignKey(f => f.AnnexId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => new { f.LanguageVersionId, f.Number });
    }
}
