using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

public sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> builder)
    {
        builder.Property(f => f.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(f => f.MediaType).HasMaxLength(200);
        builder.Property(f => f.FileName).HasMaxLength(260);
        // A version with files is never removed (the editor says so); the database refuses it too, for a file uploaded
        // after the editor's check and before its delete, which a cascade would take with the version.
        builder.HasOne(f => f.LanguageVersion).WithMany(v => v.Files).HasForeignKey(f => f.LanguageVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => new { f.LanguageVersionId, f.Format }).IsUnique();
        // The orphan sweep asks which stored hashes are still referenced.
        builder.HasIndex(f => f.Sha256);
    }
}

public sealed class FileStoreKeyConfiguration : IEntityTypeConfiguration<FileStoreKey>
{
    public void Configure(EntityTypeBuilder<FileStoreKey> builder)
    {
        builder.HasKey(k => k.Sha256);
        builder.Property(k => k.Sha256).HasMaxLength(64).IsFixedLength();
    }
}

public sealed class DownloadCountConfiguration : IEntityTypeConfiguration<DownloadCount>
{
    public void Configure(EntityTypeBuilder<DownloadCount> builder)
    {
        builder.HasKey(c => new { c.DocumentId, c.Language });
        builder.Property(c => c.Language).HasMaxLength(2);
        builder.HasOne<Document>().WithMany().HasForeignKey(c => c.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}
