using System.Text.RegularExpressions;

namespace Portal.Features.Ingestion;

/// <summary>The UN header block: organs, Distr., date of issue, Original, session and year, agenda items.</summary>
public static partial class HeaderRules
{
    public static bool NamesGeneralAssembly(string text) => GeneralAssembly().IsMatch(text);

    public static bool NamesSecurityCouncil(string text) => SecurityCouncil().IsMatch(text);

    /// <summary>A line that can only belong to a UN header: an organ name alone, "Distr.", a session or year line.</summary>
    public static bool IsHeaderAnchor(string line)
    {
        var t = line.Trim();
        if (t.Length == 0 || t.Length > 200)
        {
            return false;
        }
        return Distr().IsMatch(t)
            || (t.Length <= 60 && OrganOnly().IsMatch(t))
            || Session(t) is not null
            || SecurityCouncilYear(t) is not null;
    }

    public static string? Distribution(string header)
    {
        var m = Distr().Match(header);
        if (!m.Success)
        {
            return null;
        }
        return IngestionText.Fold(m.Groups["kind"].Value) switch
        {
            "general" or "generale" or "общая" => "general",
            "limited" or "limitee" or "limitada" or "ограниченная" => "limited",
            "restricted" or "restreinte" or "reservada" or "для служебного пользования" => "restricted",
            _ => null,
        };
    }

    /// <summary>The date printed under "Distr.": the date of issue.</summary>
    public static DateOnly? IssueDate(string header)
    {
        var m = Distr().Match(header);
        if (!m.Success)
        {
            return null;
        }
        var after = header[(m.Index + m.Length)..];
        var window = after.Length > 120 ? after[..120] : after;
        return DocumentDates.All(window).Select(d => (DateOnly?)d.Date).FirstOrDefault();
    }

    public static string? OriginalLanguage(string header)
    {
        var m = Original().Match(header);
        if (!m.Success)
        {
            return null;
        }
        var word = IngestionText.Fold(m.Groups["lang"].Value);
        foreach (var (code, names) in LanguageNames)
        {
            if (names.Any(n => word.StartsWith(n, StringComparison.Ordinal)))
            {
                return code;
            }
        }
        return null;
    }

    private static readonly (string Code, string[] Names)[] LanguageNames =
    [
        ("en", ["english", "anglais", "ingles", "английск", "الانكليزي", "الانجليزي", "بالانكليزي", "بالانجليزي", "英文", "英语"]),
        ("fr", ["french", "francais", "frances", "французск", "الفرنسي", "بالفرنسي", "法文", "法语"]),
        ("es", ["spanish", "espagnol", "espanol", "испанск", "الاسباني", "بالاسباني", "西班牙文", "西班牙语"]),
        ("ru", ["russian", "russe", "ruso", "русск", "الروسي", "بالروسي", "俄文", "俄语"]),
        ("ar", ["arabic", "arabe", "арабск", "العربي", "بالعربي", "阿拉伯文", "阿拉伯语"]),
        ("zh", ["chinese", "chinois", "chino", "китайск", "الصيني", "بالصيني", "中文", "汉语"]),
    ];

    public static int? Session(string header)
    {
        var zh = ChineseSession().Match(header);
        if (zh.Success)
        {
            return SessionOrdinals.ParseChinese(zh.Groups[1].Value);
        }
        foreach (Match m in SessionBefore().Matches(header))
        {
            if (SessionOrdinals.FindAdjacent(m.Groups["words"].Value, atEnd: true) is { } n)
            {
                return n;
            }
        }
        foreach (Match m in SessionAfter().Matches(header))
        {
            if (SessionOrdinals.FindAdjacent(m.Groups["words"].Value, atEnd: false) is { } n)
            {
                return n;
            }
        }
        return null;
    }

    /// <summary>The Security Council's year as its documents count it: "Seventy-sixth year" is 2021.</summary>
    public static int? SecurityCouncilYear(string header)
    {
        var zh = ChineseYear().Match(header);
        if (zh.Success)
        {
            return SessionOrdinals.ParseChinese(zh.Groups[1].Value);
        }
        foreach (Match m in YearBefore().Matches(header))
        {
            if (SessionOrdinals.FindAdjacent(m.Groups["words"].Value, atEnd: true) is { } n)
            {
                return n;
            }
        }
        foreach (Match m in YearAfter().Matches(header))
        {
            if (SessionOrdinals.FindAdjacent(m.Groups["words"].Value, atEnd: false) is { } n)
            {
                return n;
            }
        }
        return null;
    }

    public sealed record AgendaItemsLine(int LineIndex, IReadOnlyList<(int Number, string? SubItem)> Items);

    public static AgendaItemsLine? FindAgendaItems(IReadOnlyList<string> lines, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            var m = AgendaItems().Match(lines[i]);
            if (!m.Success)
            {
                continue;
            }
            var items = new List<(int, string?)>();
            foreach (Match item in AgendaNumber().Matches(m.Groups["list"].Value))
            {
                var number = int.Parse(item.Groups["n"].Value);
                var sub = item.Groups["sub"].Success ? SubItemLetter(item.Groups["sub"].Value) : null;
                items.Add((number, sub));
            }
            if (items.Count > 0)
            {
                return new AgendaItemsLine(i, items);
            }
        }
        return null;
    }

    /// <summary>The words after the item numbers on the same line, without "of the provisional agenda".</summary>
    public static string? TitleAfterAgendaList(string line)
    {
        var m = AgendaItems().Match(line);
        if (!m.Success)
        {
            return null;
        }
        var rest = AgendaQualifier().Replace(line[(m.Index + m.Length)..], "").Trim().TrimStart('*').Trim();
        return rest.Length > 0 ? rest : null;
    }

    /// <summary>
    /// Where agenda item titles end: at an organ name followed by its session or year, or alone at the end.
    /// An organ named inside a title ("… membership of the Security Council") is followed by neither.
    /// </summary>
    public static int AgendaTitlesEnd(string tail)
    {
        foreach (var organ in new[] { GeneralAssembly(), SecurityCouncil() })
        {
            foreach (Match m in organ.Matches(tail))
            {
                var after = tail[(m.Index + m.Length)..].TrimStart();
                var firstLine = after.Split('\n')[0];
                if (after.Length == 0 || Session(firstLine) is not null || SecurityCouncilYear(firstLine) is not null)
                {
                    return m.Index;
                }
            }
        }
        return tail.Length;
    }

    // Sub-items are lettered a, b, c in every language version; Russian and Arabic print their own letters.
    private static string SubItemLetter(string letter) => letter switch
    {
        "а" or "أ" or "ا" => "a",
        "б" or "ب" => "b",
        "в" or "ج" => "c",
        "г" or "د" => "d",
        "д" or "ه" => "e",
        "е" or "و" => "f",
        _ => letter.ToLowerInvariant(),
    };

    [GeneratedRegex(@"General\s+Assembly|Assembl[ée]e\s+g[ée]n[ée]rale|Asamblea\s+General|Генеральная\s+Ассамблея|الجمعية\s+العامة|大会", RegexOptions.IgnoreCase)]
    private static partial Regex GeneralAssembly();

    [GeneratedRegex(@"Security\s+Council|Conseil\s+de\s+s[ée]curit[ée]|Consejo\s+de\s+Seguridad|Совет\s+Безопасности|مجلس\s+الأمن|安全理事会|安理会", RegexOptions.IgnoreCase)]
    private static partial Regex SecurityCouncil();

    [GeneratedRegex(@"^(?:(?:United\s+Nations|Nations\s+Unies|Naciones\s+Unidas|Организация\s+Объединенных\s+Наций|الأمم\s+المتحدة|联合国|General\s+Assembly|Assembl[ée]e\s+g[ée]n[ée]rale|Asamblea\s+General|Генеральная\s+Ассамблея|الجمعية\s+العامة|大会|Security\s+Council|Conseil\s+de\s+s[ée]curit[ée]|Consejo\s+de\s+Seguridad|Совет\s+Безопасности|مجلس\s+الأمن|安全理事会|Economic\s+and\s+Social\s+Council|Conseil\s+[ée]conomique\s+et\s+social|Consejo\s+Econ[óo]mico\s+y\s+Social|Экономический\s+и\s+Социальный\s+Совет|المجلس\s+الاقتصادي\s+والاجتماعي|经济及社会理事会)\s*)+$", RegexOptions.IgnoreCase)]
    private static partial Regex OrganOnly();

    [GeneratedRegex(@"Distr\.?\s*:?\s*(?<kind>General|Limited|Restricted|g[ée]n[ée]rale|limit[ée]e|restreinte|limitada|reservada|Общая|Ограниченная)", RegexOptions.IgnoreCase)]
    private static partial Regex Distr();

    [GeneratedRegex(@"(?:Original|Подлинный\s+текст|Оригинал|الأصل|原\s*件|原\s*文)\s*:\s*(?<lang>[\p{L}]+)", RegexOptions.IgnoreCase)]
    private static partial Regex Original();

    [GeneratedRegex(@"第\s*([零一二三四五六七八九十百]+)\s*届(?:会议)?")]
    private static partial Regex ChineseSession();

    [GeneratedRegex(@"第\s*([零一二三四五六七八九十百]+)\s*年")]
    private static partial Regex ChineseYear();

    [GeneratedRegex(@"(?<words>(?:[\p{L}\d.]+[\s-]+){1,4})(?:session|сессия|сессии|período\s+de\s+sesiones|periodo\s+de\s+sesiones|sesión)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SessionBefore();

    [GeneratedRegex(@"(?:الدورة|Session)\s+(?<words>[\p{L}\d]+(?:\s+[\p{L}\d]+){0,3})", RegexOptions.IgnoreCase)]
    private static partial Regex SessionAfter();

    [GeneratedRegex(@"(?<words>(?:[\p{L}\d.]+[\s-]+){1,4})(?:year|année|año|год)\b", RegexOptions.IgnoreCase)]
    private static partial Regex YearBefore();

    [GeneratedRegex(@"(?:السنة)\s+(?<words>[\p{L}\d]+(?:\s+[\p{L}\d]+){0,3})")]
    private static partial Regex YearAfter();

    private const string NumberList = @"\d{1,3}(?:\s*\(?\s*[a-zа-яأ-ي]\s*\))?(?:\s*(?:,|、|،|;|and|et|y|и|و|和|及)\s*\d{1,3}(?:\s*\(?\s*[a-zа-яأ-ي]\s*\))?)*";

    [GeneratedRegex(@"(?:Agenda\s+items?|Items?|Points?|Temas?|Пункты?|البنود|البندان|البند|项目)\s*(?<list>" + NumberList + ")", RegexOptions.IgnoreCase)]
    private static partial Regex AgendaItems();

    [GeneratedRegex(@"^\s*(?:of\s+the\s+(?:provisional\s+|preliminary\s+)?(?:list|agenda)|de\s+la\s+liste\s+pr[ée]liminaire|de\s+l['’]ordre\s+du\s+jour(?:\s+provisoire)?|del\s+(?:proyecto\s+de\s+)?programa(?:\s+provisional)?|de\s+la\s+lista\s+preliminar|(?:предварительной\s+)?повестки\s+дня|предварительного\s+перечня|من\s+جدول\s+الأعمال(?:\s+المؤقت)?|من\s+القائمة\s+الأولية)\*?", RegexOptions.IgnoreCase)]
    private static partial Regex AgendaQualifier();

    [GeneratedRegex(@"(?<n>\d{1,3})(?:\s*\(?\s*(?<sub>[a-zа-яأ-ي])\s*\))?")]
    private static partial Regex AgendaNumber();
}
