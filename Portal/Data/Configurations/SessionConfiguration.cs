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

public sealed class AgendaSubItemConfiguration : IEntityTypeConfiguration<AgendaSubItem>
{
    public void Configure(EntityTypeBuilder<AgendaSubItem> builder)
    {
        builder.Property(s => s.Letter).HasMaxLength(2);
        builder.HasIndex(s => new { s.AgendaItemId, s.Letter }).IsUnique();
        builder.HasOne(s => s.AgendaItem).WithMany(a => a.SubItems).HasForeignKey(s => s.AgendaItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class DocumentAgendaSubItemConfiguration : IEntityTypeConfiguration<DocumentAgendaSubItem>
{
    public void Configure(EntityTypeBuilder<DocumentAgendaSubItem> builder)
    {
        builder.HasKey(d => new { d.DocumentId, d.AgendaSubItemId });
        // The item's page filters by sub-item.
        builder.HasIndex(d => d.AgendaSubItemId);
        builder.HasOne(d => d.Document).WithMany(d => d.AgendaSubItems).HasForeignKey(d => d.DocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(d => d.AgendaSubItem).WithMany(s => s.Documents).HasForeignKey(d => d.AgendaSubItemId).OnDelete(DeleteBehavior.Cascade);
    }
}
