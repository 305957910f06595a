using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Portal.Data;

/// <summary>
/// A number that changes whenever this process saves changes to the catalogue. Figures that are
/// expensive to count over a large catalogue (documents per session on the home page) are cached
/// under the current version, so a registration or correction shows at once instead of after an
/// expiry. Writes made by another process (a second portal instance, the corpus generator) are not
/// seen here, so cached entries also expire after <see cref="MaxAge"/>.
/// </summary>
public sealed class CatalogueVersion : SaveChangesInterceptor
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private long _current;

    public long Current => Interlocked.Read(ref _current);

    public void Advance() => Interlocked.Increment(ref _current);

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (result > 0)
        {
            Advance();
        }
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(SavedChanges(eventData, result));
}
