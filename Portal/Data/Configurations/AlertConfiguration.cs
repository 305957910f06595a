using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

public sealed class AlertSubscriptionConfiguration : IEntityTypeConfiguration<AlertSubscription>
{
    public void Configure(EntityTypeBuilder<AlertSubscription> builder)
    {
        builder.Property(s => s.Email).HasMaxLength(256);
        builder.Property(s => s.UserId).HasMaxLength(450);
        builder.Property(s => s.Target).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.TargetValue).HasMaxLength(500);
        builder.Property(s => s.Languages).HasMaxLength(20);
        builder.Property(s => s.InterfaceLanguage).HasMaxLength(2).HasDefaultValue("en");
        builder.Property(s => s.Frequency).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Token).HasMaxLength(64);
        builder.Property(s => s.SiteUrl).HasMaxLength(500);
        builder.HasIndex(s => s.Token).IsUnique();
        builder.HasIndex(s => new { s.Target, s.TargetValue });
        builder.HasIndex(s => s.Email);
        builder.HasIndex(s => s.UserId);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class AlertPublicationConfiguration : IEntityTypeConfiguration<AlertPublication>
{
    public void Configure(EntityTypeBuilder<AlertPublication> builder)
    {
        builder.HasIndex(p => p.MatchedAt);
        builder.HasOne<Document>().WithMany().HasForeignKey(p => p.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class AlertMatchConfiguration : IEntityTypeConfiguration<AlertMatch>
{
    public void Configure(EntityTypeBuilder<AlertMatch> builder)
    {
        builder.HasIndex(m => new { m.SubscriptionId, m.DocumentId }).IsUnique();
        builder.HasOne(m => m.Subscription).WithMany().HasForeignKey(m => m.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.Message).WithMany(m => m.Matches).HasForeignKey(m => m.MessageId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Document>().WithMany().HasForeignKey(m => m.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class AlertMessageConfiguration : IEntityTypeConfiguration<AlertMessage>
{
    public void Configure(EntityTypeBuilder<AlertMessage> builder)
    {
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.To).HasMaxLength(256);
        builder.Property(m => m.Subject).HasMaxLength(500);
        builder.Property(m => m.UnsubscribeUrl).HasMaxLength(1000);
        builder.Property(m => m.LeaseOwner).HasMaxLength(100);
        builder.Property(m => m.LastError).HasMaxLength(2000);
        builder.HasIndex(m => new { m.SentAt, m.AbandonedAt, m.NextAttemptAt });
        builder.HasOne(m => m.Subscription).WithMany().HasForeignKey(m => m.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
    }
}
