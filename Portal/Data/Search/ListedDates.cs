using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Portal.Data.Entities;

namespace Portal.Data.Search;

/// <summary>
/// The day each document is listed on, by id, kept in memory for <see cref="SqliteSearchIndex"/>'s date ranges. A
/// range covers a band of row ids, since documents are registered roughly in the order they are listed, and within
/// that band its tokens are dense: FTS5 walks them entry by entry, whatever the word. Here a search finds the few
/// documents of the band listed outside the range, which their own date tokens then exclude.
/// <para>
/// Read whole on first use, and brought up to date before every use from the documents stamped since the last look
/// (<see cref="Document.ChangedAt"/>, looking back <see cref="DocumentChangeStamps.LookBack"/>) and those registered
/// since; read whole again after <see cref="MaxAge"/>, for writes that bypass the stamps. An id without a document
/// (never used, or deleted) has no index rows, so what it holds here does not matter.
/// </para>
/// </summary>
public sealed class ListedDates(IDbContextFactory<PortalDbContext> contextFactory, TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromHours(1);

    private const int NoDocument = int.MinValue;

    private readonly SemaphoreSlim _looking = new(1, 1);

    /// <summary><see cref="DateOnly.DayNumber"/> by document id; replaced whole when it grows.</summary>
    private int[] _days = [];

    private int _newestId;
    private DateTimeOffset _lookedAt;
    private DateTimeOffset _readWholeAt;

    /// <summary>When the last look began (<see cref="Stopwatch.GetTimestamp"/>): a caller that asked before it need not look again.</summary>
    private long _lookBegan;

    /// <summary>
    /// The date tokens (<see cref="SearchTags.Outside"/>) of the documents from id <paramref name="first"/> to
    /// <paramref name="last"/> listed outside <paramref name="from"/>–<paramref name="to"/>; null when more than
    /// <paramref name="most"/> different tokens are needed.
    /// </summary>
    public async Task<IReadOnlyCollection<string>?> TokensOutsideAsync(int first, int last, DateOnly from, DateOnly to, int most,
        CancellationToken cancellationToken)
    {
        await LookAsync(cancellationToken);
        var days = _days;
        var (fromDay, toDay) = (from.DayNumber, to.DayNumber);
        var tokens = new HashSet<string>();
        for (var id = Math.Max(first, 0); id <= last && id < days.Length; id++)
        {
            var day = days[id];
            if (day != NoDocument && (day < fromDay || day > toDay))
            {
                if (tokens.Add(SearchTags.Outside(DateOnly.FromDayNumber(day), from, to)) && tokens.Count > most)
                {
                    return null;
                }
            }
        }
        return tokens;
    }

    private async Task LookAsync(CancellationToken cancellationToken)
    {
        var asked = Stopwatch.GetTimestamp();
        await _looking.WaitAsync(cancellationToken);
        try
        {
            if (_lookBegan > asked)
            {
                return;
            }
            _lookBegan = Stopwatch.GetTimestamp();
            var now = clock.GetUtcNow();
            await using var db = contextFactory.CreateDbContext();
            var documents = db.Documents.AsNoTracking();
            var whole = _days.Length == 0 || now - _readWholeAt >= MaxAge;
            if (!whole)
            {
                var since = _lookedAt - DocumentChangeStamps.LookBack;
                var newest = _newestId;
                documents = documents.Where(d => d.ChangedAt > since || d.Id > newest);
            }
            var read = await documents.Select(d => new { d.Id, d.ListedOn }).ToListAsync(cancellationToken);
            var days = whole ? new int[Math.Max(16, read.Count == 0 ? 0 : read.Max(d => d.Id) + 1)] : _days;
            if (whole)
            {
                Array.Fill(days, NoDocument);
            }
            var newestRead = read.Count == 0 ? 0 : read.Max(d => d.Id);
            if (newestRead >= days.Length)
            {
                var grown = new int[Math.Max(newestRead + 1, days.Length * 2)];
                Array.Fill(grown, NoDocument);
                Array.Copy(days, grown, days.Length);
                days = grown;
            }
            foreach (var document in read)
            {
                days[document.Id] = document.ListedOn.DayNumber;
            }
            _days = days;
            _newestId = Math.Max(whole ? 0 : _newestId, newestRead);
            _lookedAt = now;
            if (whole)
            {
                _readWholeAt = now;
            }
        }
        finally
        {
            _looking.Release();
        }
    }
}
