using System.Buffers;
using System.Globalization;
using System.Text;
using Portal.Data.Entities;

namespace Portal.Data.Search;

/// <summary>
/// What the SQLite word index knows about a language version besides its text, as indexed tokens of its
/// <c>Tags</c> column, so that a filtered search is one MATCH rather than a probe per document: the
/// language, the document's sessions, organs and agenda items, kind, distribution, publication status,
/// sender, the member states a Restricted document names, and the year, month and day it is listed on. Every token is letters and digits only (one unicode61 token), and the
/// same code writes them (through the <c>portal_search_tags</c> SQL function the triggers call, and the
/// corpus generator) and asks for them (<see cref="SqliteSearchIndex"/>).
/// </summary>
public static class SearchTags
{
    /// <summary>Dates before this year share one token, and so do dates after <see cref="LastYear"/>.</summary>
    public const int FirstYear = 1900;

    public const int LastYear = 2100;

    public const string BeforeFirstYear = "yold";
    public const string AfterLastYear = "ynew";

    /// <summary>The six official languages' places in a search row id (see <see cref="RowId"/>); any other language is 7.</summary>
    public static readonly string[] LanguageSlots = ["ar", "zh", "en", "fr", "ru", "es"];

    /// <summary>
    /// The index row of a language version: its document's id times 8 plus its language's slot. The documents
    /// of a match are then read from the row ids alone (counted, ordered newest first) without a lookup.
    /// </summary>
    public static long RowId(int documentId, string language) => documentId * 8L + LanguageSlot(language);

    public static int DocumentOf(long rowId) => (int)(rowId >> 3);

    /// <summary>The language of an index row, from its slot; null for the slot every other language shares and for the catalogue row.</summary>
    public static string? LanguageOf(long rowId) => (rowId & 7) is var slot && slot is >= 1 and <= 6 ? LanguageSlots[slot - 1] : null;

    /// <summary>
    /// The slot of a document's catalogue row: its catalogue title and the titles of its agenda items in every language,
    /// so that a search in any language finds a document by what the catalogue says it is, whatever languages it is held in.
    /// </summary>
    public const int CatalogueSlot = 0;

    public static long CatalogueRowId(int documentId) => documentId * 8L + CatalogueSlot;

    public static bool IsCatalogue(long rowId) => (rowId & 7) == CatalogueSlot;

    /// <summary>The slot every language but the six official ones shares.</summary>
    public const int OtherLanguagesSlot = 7;

    public static int LanguageSlot(string language)
    {
        var slot = Array.IndexOf(LanguageSlots, language);
        return slot < 0 ? OtherLanguagesSlot : slot + 1;
    }

    public static string Language(string code) => "l" + Hex(code);

    public static string Session(int id) => "s" + id.ToString(CultureInfo.InvariantCulture);

    public static string AgendaItem(int id) => "i" + id.ToString(CultureInfo.InvariantCulture);

    public static string Organ(Organ organ) => "o" + ((int)organ).ToString(CultureInfo.InvariantCulture);

    public static string Kind(DocumentKind kind) => "k" + ((int)kind).ToString(CultureInfo.InvariantCulture);

    public static string Distribution(Distribution distribution) => "d" + ((int)distribution).ToString(CultureInfo.InvariantCulture);

    public static string Status(PublicationStatus status) => "p" + ((int)status).ToString(CultureInfo.InvariantCulture);

    public static string Sender(string sender) => "x" + Hex(sender);

    public static string MemberState(string state) => "v" + Hex(state);

    public static string Year(int year) => year < FirstYear ? BeforeFirstYear : year > LastYear ? AfterLastYear : "y" + year.ToString(CultureInfo.InvariantCulture);

    public static string Month(int year, int month) => "m" + (year * 100 + month).ToString(CultureInfo.InvariantCulture);

    public static string Day(DateOnly day) => "t" + day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>
    /// Whether a word as the index holds it (<see cref="SearchText.Words"/>) is one of these tokens or the start of one:
    /// l, x or v followed by hex digits (a language, sender or member state: l656e), another tag's letter followed by
    /// digits (s12, y19), or the start of <see cref="BeforeFirstYear"/> or <see cref="AfterLastYear"/>. Only such a word
    /// could match a row by its tags.
    /// </summary>
    public static bool CouldBeTag(string word) => word.Length > 0 && (
        "lxv".Contains(word[0]) && !word.AsSpan(1).ContainsAnyExcept(HexDigits)
        || "dikmopsty".Contains(word[0]) && !word.AsSpan(1).ContainsAnyExceptInRange('0', '9')
        || BeforeFirstYear.StartsWith(word, StringComparison.Ordinal) || AfterLastYear.StartsWith(word, StringComparison.Ordinal));

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdef");

    /// <summary>The tags of one language version, space-separated; a catalogue row (<paramref name="language"/> null) has no language tag.</summary>
    public static string Of(string? language, PublicationStatus status, Distribution distribution, DocumentKind kind, string? sender,
        DateOnly listedOn, IEnumerable<int> sessions, IEnumerable<Organ> organs, IEnumerable<int> agendaItems, IEnumerable<string> memberStates)
    {
        var tags = new List<string> { Status(status), Distribution(distribution), Kind(kind) };
        if (language is not null)
        {
            tags.Insert(0, Language(language));
        }
        if (!string.IsNullOrEmpty(sender))
        {
            tags.Add(Sender(sender));
        }
        tags.Add(Year(listedOn.Year));
        if (listedOn.Year is >= FirstYear and <= LastYear)
        {
            tags.Add(Month(listedOn.Year, listedOn.Month));
            tags.Add(Day(listedOn));
        }
        // Sorted, so the tags do not depend on the order the rows were read in.
        tags.AddRange(sessions.Distinct().Order().Select(Session));
        tags.AddRange(organs.Distinct().Order().Select(Organ));
        tags.AddRange(agendaItems.Distinct().Order().Select(AgendaItem));
        tags.AddRange(memberStates.Distinct().Order(StringComparer.Ordinal).Select(MemberState));
        return string.Join(' ', tags);
    }

    /// <summary>
    /// The same from the database's values, as the <c>portal_search_tags</c> SQL function receives them: enums as
    /// integers, the date as stored (yyyy-MM-dd), the lists as <c>group_concat</c> gives them (comma-separated ids,
    /// member states one per line).
    /// </summary>
    public static string FromColumns(string? language, long status, long distribution, long kind, string? sender, string? listedOn,
        string? sessions, string? organs, string? agendaItems, string? memberStates)
    {
        var date = DateOnly.TryParseExact(listedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : DateOnly.MinValue;
        return Of(language, (PublicationStatus)status, (Distribution)distribution, (DocumentKind)kind, sender, date,
            Ids(sessions), Ids(organs).Select(o => (Organ)o), Ids(agendaItems),
            (memberStates ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>
    /// Whether the filter tags of a search (the SQLite index's) select exactly the documents the scope's filters allow:
    /// every filter is a tag of its own, and a date range is made of whole years, months and days (<see cref="Dates"/>),
    /// except where it takes in part of the years before <see cref="FirstYear"/> or after <see cref="LastYear"/>, each
    /// of which one token stands for.
    /// </summary>
    public static bool MatchExactly(SearchScope scope)
    {
        var first = scope.From ?? DateOnly.MinValue;
        var last = scope.To ?? DateOnly.MaxValue;
        var before = first.Year >= FirstYear || (scope.From is null && last >= new DateOnly(FirstYear - 1, 12, 31));
        var after = last.Year <= LastYear || (scope.To is null && first <= new DateOnly(LastYear + 1, 1, 1));
        return before && after;
    }

    /// <summary>
    /// The tokens of the days from <paramref name="from"/> to <paramref name="to"/> (either open), as few as
    /// possible: whole years, then whole months, then days, plus the tokens of the years outside the indexed range.
    /// </summary>
    public static IReadOnlyList<string> Dates(DateOnly? from, DateOnly? to)
    {
        var tokens = new List<string>();
        var first = from ?? DateOnly.MinValue;
        var last = to ?? DateOnly.MaxValue;
        if (first > last)
        {
            return tokens;
        }
        if (first.Year < FirstYear)
        {
            tokens.Add(BeforeFirstYear);
            first = new DateOnly(FirstYear, 1, 1);
        }
        if (last.Year > LastYear)
        {
            tokens.Add(AfterLastYear);
            last = new DateOnly(LastYear, 12, 31);
        }
        var day = first;
        while (day <= last)
        {
            var yearEnd = new DateOnly(day.Year, 12, 31);
            var monthEnd = new DateOnly(day.Year, day.Month, DateTime.DaysInMonth(day.Year, day.Month));
            if (day.DayOfYear == 1 && yearEnd <= last)
            {
                tokens.Add(Year(day.Year));
                day = yearEnd.AddDays(1);
            }
            else if (day.Day == 1 && monthEnd <= last)
            {
                tokens.Add(Month(day.Year, day.Month));
                day = monthEnd.AddDays(1);
            }
            else
            {
                tokens.Add(Day(day));
                day = day.AddDays(1);
            }
        }
        return tokens;
    }

    /// <summary>
    /// The coarsest date token of <paramref name="day"/> that lies wholly outside <paramref name="from"/>–<paramref name="to"/>
    /// (a day outside them): its year's, else its month's, else its own. The years before <see cref="FirstYear"/> and
    /// after <see cref="LastYear"/> share a token, so a range must begin and end within the years tagged one by one.
    /// </summary>
    public static string Outside(DateOnly day, DateOnly from, DateOnly to)
    {
        if (from.Year < FirstYear && from > DateOnly.MinValue || to.Year > LastYear && to < DateOnly.MaxValue)
        {
            throw new ArgumentException("The range must begin and end within the years tagged one by one.");
        }
        var (year, month) = day < from ? (from.Year, from.Month) : day > to ? (to.Year, to.Month)
            : throw new ArgumentOutOfRangeException(nameof(day), "The day lies within the range.");
        return day.Year != year ? Year(day.Year) : day.Month != month ? Month(day.Year, day.Month) : Day(day);
    }

    private static IEnumerable<int> Ids(string? list) =>
        (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture));

    private static string Hex(string text) => Convert.ToHexString(Encoding.UTF8.GetBytes(text));
}
