using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
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
            var whole = _days.Length == 0 || now - _readWholeAt >= MaxAge;
            var read = await ReadAsync(whole ? null : (_lookedAt - DocumentChangeStamps.LookBack, _newestId), cancellationToken);
            var days = whole ? [] : _days;
            var newestRead = read.Count == 0 ? 0 : read.Max(d => d.Id);
            if (newestRead >= days.Length)
            {
                var grown = new int[Math.Max(newestRead + 1, days.Length * 2)];
                Array.Fill(grown, NoDocument);
                Array.Copy(days, grown, days.Length);
                days = grown;
            }
            foreach (var (id, day) in read)
            {
                days[id] = day;
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

    /// <summary>
    /// The day number of every document, or of those stamped after <c>since</c> or registered after <c>newest</c>. Read
    /// by hand rather than through EF, which took 1.0–2.4 s to materialise a million documents' dates against 0.4 s here.
    /// </summary>
    private async Task<List<(int Id, int Day)>> ReadAsync((DateTimeOffset Since, int Newest)? changed, CancellationToken cancellationToken)
    {
        await using var db = contextFactory.CreateDbContext();
        // julianday('0001-01-01') is 1721425.5, DateOnly's day 0; a date SQLite cannot read counts as "no date", as in SearchTags.
        var sql = "SELECT Id, coalesce(CAST(julianday(ListedOn) - 1721425.5 AS INTEGER), 0) FROM Documents";
        return changed is { } look
            ? await SqliteStatements.ReadAsync(db, sql + " WHERE ChangedAt > $since OR Id > $newest",
                [("$since", ChangedAtColumn.ConvertToProvider(look.Since)), ("$newest", look.Newest)], Row, cancellationToken)
            : await SqliteStatements.ReadAsync(db, sql, [], Row, cancellationToken);
    }

    private static (int Id, int Day) Row(DbDataReader reader) => (reader.GetInt32(0), reader.GetInt32(1));

    /// <summary>How <see cref="Document.ChangedAt"/> is stored (<c>DocumentConfiguration</c>).</summary>
    private static readonly DateTimeOffsetToBinaryConverter ChangedAtColumn = new();
}
