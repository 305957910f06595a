using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

public sealed class BulkDumpConfiguration : IEntityTypeConfiguration<BulkDump>
{
    public void Configure(EntityTypeBuilder<BulkDump> builder)
    {
        builder.Property(d => d.Sha256).HasMaxLength(64);
        builder.Property(d => d.Trigger).HasMaxLength(300);
        builder.HasIndex(d => d.WrittenAt);
    }
}

public sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> builder)
    {
        builder.HasKey(l => l.Name);
        builder.Property(l => l.Name).HasMaxLength(100);
        builder.Property(l => l.Owner).HasMaxLength(200);
    }
}
