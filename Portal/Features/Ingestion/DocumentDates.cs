using System.Text.RegularExpressions;

namespace Portal.Features.Ingestion;

/// <summary>Dates as the six language versions write them: "30 March 2021", "March 30, 2021", "1er avril 2021",
/// "30 de marzo de 2021", "30 марта 2021 года", "30 آذار/مارس 2021", "2021年3月30日".</summary>
public static partial class DocumentDates
{
    private static readonly Dictionary<string, int> Months = BuildMonths();

    public readonly record struct FoundDate(DateOnly Date, int Index);

    public static DateOnly? First(string text) => All(text).Select(d => (DateOnly?)d.Date).FirstOrDefault();

    public static IEnumerable<FoundDate> All(string text)
    {
        var found = new List<FoundDate>();
        foreach (Match m in DayMonthYear().Matches(text))
        {
            if (Month(m.Groups["month"].Value) is { } month && Make(m.Groups["year"].Value, month, m.Groups["day"].Value) is { } date)
            {
                found.Add(new FoundDate(date, m.Index));
            }
        }
        foreach (Match m in MonthDayYear().Matches(text))
        {
            if (Month(m.Groups["month"].Value) is { } month && Make(m.Groups["year"].Value, month, m.Groups["day"].Value) is { } date)
            {
                found.Add(new FoundDate(date, m.Index));
            }
        }
        foreach (Match m in ChineseDate().Matches(text))
        {
            if (Make(m.Groups["year"].Value, int.Parse(m.Groups["month"].Value), m.Groups["day"].Value) is { } date)
            {
                found.Add(new FoundDate(date, m.Index));
            }
        }
        return found.OrderBy(d => d.Index);
    }

    private static int? Month(string word)
    {
        var folded = IngestionText.Fold(word);
        // Arabic months are written "آذار/مارس": either half names the month.
        foreach (var part in folded.Split('/'))
        {
            if (Months.TryGetValue(part.Trim(), out var month))
            {
                return month;
            }
        }
        return null;
    }

    private static DateOnly? Make(string year, int month, string day)
    {
        if (!int.TryParse(year, out var y) || !int.TryParse(day, out var d) || y < 1945 || y > 2200 || month is < 1 or > 12)
        {
            return null;
        }
        return d >= 1 && d <= DateTime.DaysInMonth(y, month) ? new DateOnly(y, month, d) : null;
    }

    private static Dictionary<string, int> BuildMonths()
    {
        string[][] names =
        [
            ["january", "janvier", "enero", "января", "январь", "يناير", "كانون الثاني", "jan"],
            ["february", "fevrier", "febrero", "февраля", "февраль", "فبراير", "شباط", "feb"],
            ["march", "mars", "marzo", "марта", "март", "مارس", "اذار", "mar"],
            ["april", "avril", "abril", "апреля", "апрель", "ابريل", "نيسان", "apr"],
            ["may", "mai", "mayo", "мая", "май", "مايو", "ايار"],
            ["june", "juin", "junio", "июня", "июнь", "يونيه", "يونيو", "حزيران", "jun"],
            ["july", "juillet", "julio", "июля", "июль", "يوليه", "يوليو", "تموز", "jul"],
            ["august", "aout", "agosto", "августа", "август", "اغسطس", "اب", "aug"],
            ["september", "septembre", "septiembre", "setiembre", "сентября", "сентябрь", "سبتمبر", "ايلول", "sep", "sept"],
            ["october", "octobre", "octubre", "октября", "октябрь", "اكتوبر", "تشرين الاول", "oct"],
            ["november", "novembre", "noviembre", "ноября", "ноябрь", "نوفمبر", "تشرين الثاني", "nov"],
            ["december", "decembre", "diciembre", "декабря", "декабрь", "ديسمبر", "كانون الاول", "dec"],
        ];
        var months = new Dictionary<string, int>();
        for (var i = 0; i < names.Length; i++)
        {
            foreach (var name in names[i])
            {
                months[IngestionText.Fold(name)] = i + 1;
            }
        }
        return months;
    }

    // Day, month word(s), year: the English, French, Spanish, Russian and Arabic order.
    [GeneratedRegex(@"(?<![\d])(?<day>\d{1,2})(?:er|\.|º)?\s+(?:de\s+)?(?<month>[\p{L}]+(?:\s+(?:الثاني|الأول|الاول))?(?:\s*/\s*[\p{L}]+)?)\.?,?\s+(?:de\s+|del\s+)?(?<year>\d{4})(?!\d)")]
    private static partial Regex DayMonthYear();

    [GeneratedRegex(@"\b(?<month>[A-Z][a-z]+)\.?\s+(?<day>\d{1,2}),?\s+(?<year>\d{4})(?!\d)")]
    private static partial Regex MonthDayYear();

    [GeneratedRegex(@"(?<year>\d{4})\s*年\s*(?<month>\d{1,2})\s*月\s*(?<day>\d{1,2})\s*日")]
    private static partial Regex ChineseDate();
}
