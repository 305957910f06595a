using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

public sealed class PortalUserConfiguration : IEntityTypeConfiguration<PortalUser>
{
    public const int MemberStateMaxLength = 100;

    public void Configure(EntityTypeBuilder<PortalUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(200);
        builder.Property(u => u.MemberState).HasMaxLength(MemberStateMaxLength);
        // A focal point lists their own mission's accounts.
        builder.HasIndex(u => u.MemberState);
    }
}
