using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Portal.Data.Entities;
using Portal.Infrastructure;

namespace Portal.Data.Search;

/// <summary>
/// Each document's listing day, status and distribution, by id, kept in memory for <see cref="SqliteSearchIndex"/>:
/// <list type="bullet">
/// <item>a date range covers a band of row ids, since documents are registered roughly in the order they are listed, and
/// within that band its tokens are dense: FTS5 walks them entry by entry, whatever the word. Here a search finds the few
/// documents of the band listed outside the range, which their own date tokens then exclude;</item>
/// <item>the access rule checks every document a search found (600–1,000 of them) against the status and distribution
/// held here, where seeking each in the catalogue cost 1.2–2.8 ms at a million documents.</item>
/// </list>
/// <para>
/// Read whole as the portal starts (<see cref="SearchWarmUp"/>) or on first use, whichever comes first, and brought up
/// to date before every use from the documents stamped since the last look (<see cref="Document.ChangedAt"/>, looking
/// back <see cref="DocumentChangeStamps.LookBack"/>) and those registered since. Read whole again after
/// <see cref="MaxAge"/>, for writes that bypass the stamps: in the background (<see cref="WholeReadUnderWay"/>), while
/// searches go on with what is held (0.4–0.8 s at a million documents, which every search arriving meanwhile waited for
/// when it ran on the request that found it due). An id without a document (never used, or deleted) has no index rows,
/// so what it holds here does not matter.
/// </para>
/// </summary>
public sealed class DatesAndAccess(IDbContextFactory<PortalDbContext> contextFactory, TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromHours(1);

    private const int NoDocument = -1;

    private readonly SemaphoreSlim _looking = new(1, 1);

    /// <summary>
    /// By document id, the day (<see cref="DateOnly.DayNumber"/>), status and distribution packed into one int
    /// (<see cref="Pack"/>), so that a reader never sees one field of a change without the others; replaced whole when it grows.
    /// </summary>
    private int[] _facts = [];

    private int _newestId;
    private DateTimeOffset _lookedAt;
    private DateTimeOffset _readWholeAt;

    /// <summary>
    /// When what is held was last brought up to date (<see cref="Stopwatch.GetTimestamp"/>): when the last look that read
    /// began, or when the whole read swapped in began. A caller that asked before it need not look again.
    /// </summary>
    private long _lookBegan;

    /// <summary>The whole read under way in the background, if any; the completed task otherwise. Its failure is kept on it.</summary>
    public Task WholeReadUnderWay { get; private set; } = Task.CompletedTask;

    /// <summary>
    /// The date tokens (<see cref="SearchTags.Outside"/>) of the documents from id <paramref name="first"/> to
    /// <paramref name="last"/> listed outside <paramref name="from"/>–<paramref name="to"/>; null when more than
    /// <paramref name="most"/> different tokens are needed.
    /// </summary>
    public async Task<IReadOnlyCollection<string>?> TokensOutsideAsync(int first, int last, DateOnly from, DateOnly to, int most,
        CancellationToken cancellationToken)
    {
        await LookAsync(cancellationToken);
        var facts = _facts;
        var (fromDay, toDay) = (from.DayNumber, to.DayNumber);
        var tokens = new HashSet<string>();
        for (var id = Math.Max(first, 0); id <= last && id < facts.Length; id++)
        {
            if (facts[id] != NoDocument && DayOf(facts[id]) is var day && (day < fromDay || day > toDay))
            {
                if (tokens.Add(SearchTags.Outside(DateOnly.FromDayNumber(day), from, to)) && tokens.Count > most)
                {
                    return null;
                }
            }
        }
        return tokens;
    }

    /// <summary>
    /// Of the documents given, those the one access rule (<see cref="DocumentAccess.VisibleTo"/>) lets the viewer see by
    /// their status and distribution, and those whose member states decide (a delegation's Restricted documents), which
    /// only the catalogue holds. As of a look begun after this call: a document a search read from the index before
    /// calling is known here, with every change committed before that read. A document not known is refused.
    /// </summary>
    public async Task<(HashSet<int> Allowed, List<int> Undecided)> VisibleToAsync(IReadOnlyCollection<int> ids, Viewer viewer,
        CancellationToken cancellationToken)
    {
        await LookAsync(cancellationToken);
        var facts = _facts;
        var verdicts = Verdicts.GetOrAdd(viewer.VisibilityKey, _ => VerdictsOf(viewer));
        var (allowed, undecided) = (new HashSet<int>(ids.Count), new List<int>());
        foreach (var id in ids)
        {
            if (id >= 0 && id < facts.Length && facts[id] != NoDocument)
            {
                switch (verdicts[facts[id] & 15])
                {
                    case Verdict.Allowed:
                        allowed.Add(id);
                        break;
                    case Verdict.Undecided:
                        undecided.Add(id);
                        break;
                }
            }
        }
        return (allowed, undecided);
    }

    private enum Verdict { Refused, Allowed, Undecided }

    /// <summary>The rule's verdicts by visibility (<see cref="Viewer.VisibilityKey"/>), indexed by status « 2 | distribution.</summary>
    private static readonly ConcurrentDictionary<string, Verdict[]> Verdicts = new();

    /// <summary>
    /// The rule, compiled, applied to a document of each status and distribution that names no member state and to one
    /// that names the viewer's: where the two differ, the document's own member states decide.
    /// </summary>
    private static Verdict[] VerdictsOf(Viewer viewer)
    {
        var rule = DocumentAccess.VisibleTo(viewer).Compile();
        var verdicts = new Verdict[16];
        foreach (var status in Enum.GetValues<PublicationStatus>())
        {
            foreach (var distribution in Enum.GetValues<Distribution>())
            {
                var none = rule(new Document { Status = status, Distribution = distribution });
                var named = viewer.SeesRestrictedOf is { } state
                    ? rule(new Document { Status = status, Distribution = distribution, MemberStates = [new DocumentMemberState { MemberState = state }] })
                    : none;
                verdicts[Pack(0, (int)status, (int)distribution)] = none != named ? Verdict.Undecided : none ? Verdict.Allowed : Verdict.Refused;
            }
        }
        return verdicts;
    }

    private static int DayOf(int fact) => fact >> 4;

    /// <summary>Day « 4 | status « 2 | distribution: days below 2²⁷ (the year 9999 is day 3,652,058), status and distribution 1–3.</summary>
    private static int Pack(int day, int status, int distribution) => day << 4 | (status & 3) << 2 | distribution & 3;

    /// <summary>
    /// Brings what is held up to date: read whole the first time (0.4–0.8 s at a million documents), otherwise from the
    /// documents stamped or registered since the last look. A caller that asked while another's look was under way waits
    /// for a look begun after it asked, never a second whole read.
    /// </summary>
    public async Task LookAsync(CancellationToken cancellationToken)
    {
        var asked = Stopwatch.GetTimestamp();
        await _looking.WaitAsync(cancellationToken);
        try
        {
            if (_lookBegan > asked)
            {
                return;
            }
            var began = Stopwatch.GetTimestamp();
            var now = clock.GetUtcNow();
            if (_facts.Length == 0)
            {
                Hold(await ReadAsync(null, cancellationToken), whole: true, now);
            }
            else
            {
                if (now - _readWholeAt >= MaxAge && WholeReadUnderWay.IsCompleted)
                {
                    WholeReadUnderWay = Task.Run(ReadWholeAgainAsync, CancellationToken.None);
                }
                Hold(await ReadAsync((_lookedAt - DocumentChangeStamps.LookBack, _newestId), cancellationToken), whole: false, now);
            }
            // Only a look that read counts: a caller waiting behind one that failed looks itself.
            _lookBegan = began;
        }
        finally
        {
            _looking.Release();
        }
    }

    /// <summary>
    /// Reads every document again and swaps it in for what is held, as of when the read began: the next look brings it
    /// up to date from there, as after the first read. A failed read leaves what is held, and is tried again after <see cref="MaxAge"/>.
    /// </summary>
    private async Task ReadWholeAgainAsync()
    {
        var began = Stopwatch.GetTimestamp();
        var beganAt = clock.GetUtcNow();
        List<(int Id, int Fact)>? read = null;
        try
        {
            read = await ReadAsync(null, CancellationToken.None);
        }
        finally
        {
            await _looking.WaitAsync();
            try
            {
                if (read is null)
                {
                    _readWholeAt = beganAt;
                }
                else
                {
                    Hold(read, whole: true, beganAt);
                    // Every caller that asked since the read began looks again, whatever a later look had seen.
                    _lookBegan = began;
                }
            }
            finally
            {
                _looking.Release();
            }
        }
    }

    /// <summary>Holds the facts read: all there are, or those changed since the last look. Called holding <see cref="_looking"/>.</summary>
    private void Hold(List<(int Id, int Fact)> read, bool whole, DateTimeOffset lookedAt)
    {
        var facts = whole ? [] : _facts;
        var newestRead = read.Count == 0 ? 0 : read.Max(d => d.Id);
        if (newestRead >= facts.Length)
        {
            var grown = new int[Math.Max(newestRead + 1, facts.Length * 2)];
            Array.Fill(grown, NoDocument);
            Array.Copy(facts, grown, facts.Length);
            facts = grown;
        }
        foreach (var (id, fact) in read)
        {
            facts[id] = fact;
        }
        _facts = facts;
        _newestId = Math.Max(whole ? 0 : _newestId, newestRead);
        _lookedAt = lookedAt;
        if (whole)
        {
            _readWholeAt = lookedAt;
        }
    }

    /// <summary>
    /// The packed facts of every document, or of those stamped after <c>since</c> or registered after <c>newest</c>. Read
    /// by hand rather than through EF, which took 1.0–2.4 s to materialise a million documents' dates against 0.4 s here.
    /// </summary>
    private async Task<List<(int Id, int Fact)>> ReadAsync((DateTimeOffset Since, int Newest)? changed, CancellationToken cancellationToken)
    {
        await using var db = contextFactory.CreateDbContext();
        // julianday('0001-01-01') is 1721425.5, DateOnly's day 0; a date SQLite cannot read counts as "no date", as in SearchTags.
        var sql = "SELECT Id, coalesce(CAST(julianday(ListedOn) - 1721425.5 AS INTEGER), 0), Status, Distribution FROM Documents";
        return changed is { } look
            ? await SqliteStatements.ReadAsync(db, sql + " WHERE ChangedAt > $since OR Id > $newest",
                [("$since", ChangedAtColumn.ConvertToProvider(look.Since)), ("$newest", look.Newest)], Row, cancellationToken)
            : await SqliteStatements.ReadAsync(db, sql, [], Row, cancellationToken);
    }

    private static (int Id, int Fact) Row(DbDataReader reader) =>
        (reader.GetInt32(0), Pack(reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3)));

    /// <summary>How <see cref="Document.ChangedAt"/> is stored (<c>DocumentConfiguration</c>).</summary>
    private static readonly DateTimeOffsetToBinaryConverter ChangedAtColumn = new();
}
