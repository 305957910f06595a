using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

public sealed class IngestionBatchConfiguration : IEntityTypeConfiguration<IngestionBatch>
{
    public void Configure(EntityTypeBuilder<IngestionBatch> builder)
    {
        builder.Property(b => b.CreatedBy).HasMaxLength(256);
        builder.HasMany(b => b.Files).WithOne(f => f.Batch).HasForeignKey(f => f.BatchId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class IngestionFileConfiguration : IEntityTypeConfiguration<IngestionFile>
{
    public void Configure(EntityTypeBuilder<IngestionFile> builder)
    {
        builder.Property(f => f.FileName).HasMaxLength(500);
        builder.Property(f => f.Sha256).HasMaxLength(64);
        builder.Property(f => f.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.Error).HasMaxLength(2000);
        builder.Property(f => f.Format).HasMaxLength(20);
        builder.Property(f => f.LeaseOwner).HasMaxLength(100);
        builder.HasIndex(f => new { f.Status, f.LeaseUntil });
        builder.HasIndex(f => f.Sha256);
        builder.HasIndex(f => new { f.BatchId, f.Position });
        builder.HasOne<Document>().WithMany().HasForeignKey(f => f.DocumentId).OnDelete(DeleteBehavior.SetNull);
    }
}
