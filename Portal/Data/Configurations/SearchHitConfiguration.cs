using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Search;

namespace Portal.Data.Configurations;

public sealed class SearchHitConfiguration : IEntityTypeConfiguration<SearchHit>
{
    public void Configure(EntityTypeBuilder<SearchHit> builder)
    {
        // A per-connection temporary table that the search index creates and fills; never migrated.
        builder.HasNoKey();
        builder.ToTable("SearchHits", t => t.ExcludeFromMigrations());
    }
}
