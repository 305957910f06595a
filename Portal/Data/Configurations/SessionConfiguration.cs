using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

public sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> builder)
    {
        builder.HasIndex(s => new { s.Organ, s.Number }).IsUnique();
    }
}

public sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> builder)
    {
        builder.HasIndex(a => new { a.SessionId, a.Number }).IsUnique();
        builder.HasMany(a => a.Titles).WithOne().HasForeignKey(t => t.AgendaItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class AgendaItemTitleConfiguration : IEntityTypeConfiguration<AgendaItemTitle>
{
    public void Configure(EntityTypeBuilder<AgendaItemTitle> builder)
    {
        builder.Property(t => t.Language).HasMaxLength(2);
        builder.Property(t => t.Title).HasMaxLength(500);
        builder.HasIndex(t => new { t.AgendaItemId, t.Language }).IsUnique();
    }
}
